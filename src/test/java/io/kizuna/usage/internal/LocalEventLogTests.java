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

	@Test
	void pruningRemovesOnlyOldFilesTheReaderHasPassed() throws Exception {
		LocalEventLog first = new LocalEventLog(directory);
		first.append(List.of("old".getBytes(StandardCharsets.UTF_8)));
		first.destroy();
		LocalEventLog second = new LocalEventLog(directory);
		second.append(List.of("new".getBytes(StandardCharsets.UTF_8)));
		second.destroy();
		List<Path> files;
		try (var listed = Files.list(directory)) {
			files = listed.sorted().toList();
		}
		for (Path file : files) {
			Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2020-01-01T00:00:00Z")));
		}
		LocalEventLog log = new LocalEventLog(directory);
		EventLog.Position unread = EventLog.Position.START;
		assertThat(log.prune(java.time.Instant.parse("2021-01-01T00:00:00Z"), unread)).isZero();

		EventLog.Position inSecond = log.read(EventLog.Position.START, 2, bytes -> { });
		assertThat(inSecond.file()).isEqualTo(files.get(1).getFileName().toString());
		assertThat(log.prune(java.time.Instant.parse("2021-01-01T00:00:00Z"), inSecond)).isEqualTo(1);
		List<String> left = new ArrayList<>();
		log.replay(bytes -> left.add(new String(bytes, StandardCharsets.UTF_8)));
		assertThat(left).containsExactly("new");
	}

	@Test
	void replayingSinceAMomentSkipsFilesWrittenBeforeIt() throws Exception {
		LocalEventLog first = new LocalEventLog(directory);
		first.append(List.of("last week".getBytes(StandardCharsets.UTF_8)));
		first.destroy();
		try (var listed = Files.list(directory)) {
			Path old = listed.findFirst().orElseThrow();
			Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofDays(7))));
		}
		LocalEventLog second = new LocalEventLog(directory);
		second.append(List.of("today".getBytes(StandardCharsets.UTF_8)));
		second.destroy();

		List<String> recent = new ArrayList<>();
		new LocalEventLog(directory).replaySince(java.time.Instant.now().minus(java.time.Duration.ofDays(2)),
				bytes -> recent.add(new String(bytes, StandardCharsets.UTF_8)));
		assertThat(recent).containsExactly("today");
	}
}
