package io.kizuna.usage.internal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The event log as append-only files under {@code <data-dir>/events}: each event a 4-byte length and
 * its JSON, and an fsync before {@link #append} returns. Each start writes to a new file, so a record
 * torn by a crash can only be the last of an old file, where {@link #replay} stops reading it.
 */
@Component
class LocalEventLog implements EventLog, DisposableBean {

	private static final long ROLL_AT = 256L * 1024 * 1024;

	private final Path directory;

	private FileChannel current;

	private long written;

	LocalEventLog(@Value("${kizuna.data-dir}/events") Path directory) {
		this.directory = directory;
	}

	@Override
	public synchronized void append(List<byte[]> events) {
		int size = 0;
		for (byte[] event : events) {
			size += 4 + event.length;
		}
		ByteBuffer buffer = ByteBuffer.allocate(size);
		for (byte[] event : events) {
			buffer.putInt(event.length).put(event);
		}
		buffer.flip();
		try {
			FileChannel channel = channel(size);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			channel.force(false);
			written += size;
		}
		catch (IOException failure) {
			throw new UncheckedIOException("event log: could not write to " + directory, failure);
		}
	}

	private FileChannel channel(int next) throws IOException {
		if (current == null || written + next > ROLL_AT) {
			if (current != null) {
				current.close();
			}
			Files.createDirectories(directory);
			Path file = directory.resolve("events-%020d-%d.log".formatted(System.currentTimeMillis(), System.nanoTime()));
			current = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			written = 0;
		}
		return current;
	}

	@Override
	public void replay(Consumer<byte[]> events) {
		if (!Files.isDirectory(directory)) {
			return;
		}
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList()) {
				read(file, events);
			}
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

	private static void read(Path file, Consumer<byte[]> events) throws IOException {
		try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
			while (true) {
				int length;
				try {
					length = in.readInt();
				}
				catch (EOFException end) {
					return;
				}
				if (length <= 0 || length > 1_000_000) {
					return; // a torn tail
				}
				byte[] event = new byte[length];
				try {
					in.readFully(event);
				}
				catch (EOFException torn) {
					return;
				}
				events.accept(event);
			}
		}
	}

	@Override
	public synchronized void destroy() throws IOException {
		if (current != null) {
			current.close();
		}
	}
}
