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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The event log as append-only files under {@code <data-dir>/events}: each event a 4-byte length and
 * its JSON, and an fsync before {@link #append} returns (one fsync for all requests waiting at once). Each start writes to a new file, so a record
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

	/** Events waiting for the writer, with the promise to keep when they are on disk. */
	private record Pending(List<byte[]> events, CompletableFuture<Void> stored) {
	}

	private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	private volatile boolean open = true;

	/** Started by the first append, so that a log opened only to be read (at start, in tests) has no thread. */
	private Thread writer;

	/**
	 * Hands the events to the one writer thread and waits until they are on disk. The writer takes every
	 * request waiting at that moment, writes them together and syncs once (group commit): under load one
	 * fsync serves many requests instead of one each.
	 */
	@Override
	public void append(List<byte[]> events) {
		if (!open) {
			throw new IllegalStateException("event log: closed");
		}
		Pending pending = new Pending(events, new CompletableFuture<>());
		synchronized (this) {
			if (writer == null) {
				writer = Thread.ofPlatform().daemon().name("event-log-writer").start(this::writeLoop);
			}
		}
		queue.add(pending);
		try {
			pending.stored().get();
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("event log: interrupted while storing", interrupted);
		}
		catch (ExecutionException failed) {
			throw failed.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException(failed.getCause());
		}
	}

	private void writeLoop() {
		List<Pending> group = new ArrayList<>();
		while (open || !queue.isEmpty()) {
			try {
				Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				group.add(first);
				queue.drainTo(group);
				write(group);
				group.forEach(pending -> pending.stored().complete(null));
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				group.forEach(pending -> pending.stored().completeExceptionally(interrupted));
				return;
			}
			catch (RuntimeException failure) {
				group.forEach(pending -> pending.stored().completeExceptionally(failure));
			}
			group.clear();
		}
	}

	private void write(List<Pending> group) {
		int size = 0;
		for (Pending pending : group) {
			for (byte[] event : pending.events()) {
				size += 4 + event.length;
			}
		}
		ByteBuffer buffer = ByteBuffer.allocate(size);
		for (Pending pending : group) {
			for (byte[] event : pending.events()) {
				buffer.putInt(event.length).put(event);
			}
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
		replaySince(java.time.Instant.EPOCH, events);
	}

	/** A file last written before {@code since} holds nothing newer, so only the files written since are read. */
	@Override
	public void replaySince(java.time.Instant since, Consumer<byte[]> events) {
		if (!Files.isDirectory(directory)) {
			return;
		}
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList()) {
				if (!Files.getLastModifiedTime(file).toInstant().isBefore(since)) {
					read(file, events);
				}
			}
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

	@Override
	public Position read(Position from, int max, Consumer<byte[]> events) {
		if (!Files.isDirectory(directory)) {
			return from;
		}
		List<Path> files;
		try (Stream<Path> listed = Files.list(directory)) {
			files = listed.filter(f -> f.getFileName().toString().endsWith(".log"))
				.filter(f -> f.getFileName().toString().compareTo(from.file()) >= 0)
				.sorted()
				.toList();
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
		Position at = from;
		int left = max;
		for (int i = 0; i < files.size() && left > 0; i++) {
			String name = files.get(i).getFileName().toString();
			long offset = name.equals(at.file()) ? at.offset() : 0;
			boolean last = i == files.size() - 1;
			try (FileChannel channel = FileChannel.open(files.get(i), StandardOpenOption.READ)) {
				long size = channel.size();
				ByteBuffer length = ByteBuffer.allocate(4);
				while (left > 0 && offset + 4 <= size) {
					length.clear();
					channel.read(length, offset);
					int bytes = length.flip().getInt();
					if (bytes <= 0 || offset + 4 + bytes > size) {
						break; // being written (the last file), or torn by a crash (an older one)
					}
					ByteBuffer event = ByteBuffer.allocate(bytes);
					while (event.hasRemaining()) {
						channel.read(event, offset + 4 + event.position());
					}
					events.accept(event.array());
					offset += 4 + bytes;
					left--;
				}
			}
			catch (IOException failure) {
				throw new UncheckedIOException(failure);
			}
			at = new Position(name, offset);
			if (left > 0 && !last) {
				continue; // an older file is done (a torn tail is skipped): go on with the next
			}
		}
		return at;
	}

	@Override
	public int prune(java.time.Instant before, Position readUpTo) {
		if (!Files.isDirectory(directory)) {
			return 0;
		}
		int deleted = 0;
		try (Stream<Path> listed = Files.list(directory)) {
			for (Path file : listed.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList()) {
				String name = file.getFileName().toString();
				boolean passed = name.compareTo(readUpTo.file()) < 0; // files before the reader's are fully read
				if (passed && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
					Files.delete(file);
					deleted++;
				}
			}
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
		return deleted;
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
	public void destroy() throws IOException, InterruptedException {
		open = false;
		Thread running;
		synchronized (this) {
			running = writer;
		}
		if (running != null) {
			running.join(5_000);
		}
		if (current != null) {
			current.close();
		}
	}
}
