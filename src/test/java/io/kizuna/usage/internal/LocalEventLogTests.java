package io.kizuna.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalEventLogTests {

	@TempDir
	Path directory;

	@Test
	void everyEventOfConcurrentWritersIsKeptInEachWritersOrder() throws Exception {
		LocalEventLog log = new LocalEventLog(directory);
		try (ExecutorService writers = Executors.newFixedThreadPool(8)) {
			List<Future<?>> done = new ArrayList<>();
			for (int w = 0; w < 8; w++) {
				int writer = w;
				done.add(writers.submit(() -> {
					for (int i = 0; i < 100; i++) {
						log.append(List.of(("w" + writer + ":" + i).getBytes(StandardCharsets.UTF_8),
								("w" + writer + ":" + i + "b").getBytes(StandardCharsets.UTF_8)));
					}
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		log.destroy();

		Map<String, List<String>> byWriter = new HashMap<>();
		new LocalEventLog(directory).replay(bytes -> {
			String event = new String(bytes, StandardCharsets.UTF_8);
			byWriter.computeIfAbsent(event.substring(0, 2), w -> new ArrayList<>()).add(event);
		});
		assertThat(byWriter).hasSize(8);
		byWriter.forEach((writer, events) -> {
			assertThat(events).hasSize(200);
			for (int i = 0; i < 100; i++) {
				assertThat(events.get(2 * i)).isEqualTo(writer + ":" + i);
				assertThat(events.get(2 * i + 1)).isEqualTo(writer + ":" + i + "b");
			}
		});
	}

	@Test
	void aRecordTornByACrashEndsTheReadingOfItsFile() throws Exception {
		LocalEventLog log = new LocalEventLog(directory);
		log.append(List.of("kept".getBytes(StandardCharsets.UTF_8)));
		log.destroy();
		Path file;
		try (var files = Files.list(directory)) {
			file = files.findFirst().orElseThrow();
		}
		// Half a record: a length of 100 followed by only 3 bytes, as a kill during a write would leave it.
		Files.write(file, new byte[] { 0, 0, 0, 100, 'a', 'b', 'c' }, StandardOpenOption.APPEND);

		List<String> read = new ArrayList<>();
		new LocalEventLog(directory).replay(bytes -> read.add(new String(bytes, StandardCharsets.UTF_8)));
		assertThat(read).containsExactly("kept");
	}
}
