package io.kizuna.usage.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.kizuna.identity.CurrentUser;
import io.kizuna.shared.CommittedCache;
import io.kizuna.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates sources, rotates and revokes their write keys, and tells the tracking API which source a key
 * belongs to. Known keys are remembered, so an ingest request costs no database round trip; rotating or
 * revoking forgets them as it commits (a key read just before is not remembered after). The five
 * minutes bound a rotation on another node.
 */
@Service
@Transactional
class SourceAdmin {

	/** A new or rotated source with its write key, which is shown this once. */
	record Keyed(Source source, String writeKey) {
	}

	private final Sources sources;

	private final Clock clock;

	private final CommittedCache<String, Source> byKeyHash = new CommittedCache<>(Duration.ofMinutes(5), 10_000);

	SourceAdmin(Sources sources, Clock clock) {
		this.sources = sources;
		this.clock = clock;
	}

	Keyed create(String name, Source.Kind kind) {
		String key = WriteKeys.generate();
		Source source = new Source(UUID.randomUUID(), name.strip(), kind, WriteKeys.hint(key), clock.instant(), null,
				null);
		sources.insert(source, WriteKeys.hash(key), CurrentUser.id().map(id -> id.value()).orElse(null));
		return new Keyed(source, key);
	}

	Keyed rotate(UUID id) {
		String key = WriteKeys.generate();
		if (!sources.rotate(id, WriteKeys.hash(key), WriteKeys.hint(key), clock.instant())) {
			throw new NotFoundException("usage.source.notFound", id);
		}
		byKeyHash.forgetAllAfterCommit();
		return new Keyed(get(id), key);
	}

	void revoke(UUID id) {
		if (!sources.revoke(id, clock.instant())) {
			throw new NotFoundException("usage.source.notFound", id);
		}
		byKeyHash.forgetAllAfterCommit();
	}

	@Transactional(readOnly = true)
	Source get(UUID id) {
		return sources.find(id).orElseThrow(() -> new NotFoundException("usage.source.notFound", id));
	}

	@Transactional(readOnly = true)
	java.util.List<Source> all() {
		return sources.all();
	}

	/**
	 * The active source this write key belongs to. Joins no transaction of its own: every ingest batch
	 * asks, and a known key needs no connection.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	Optional<Source> authenticate(String writeKey) {
		if (writeKey == null || writeKey.isBlank() || writeKey.length() > 100) {
			return Optional.empty();
		}
		String hash = WriteKeys.hash(writeKey);
		Source known = byKeyHash.get(hash);
		if (known != null) {
			return Optional.of(known);
		}
		long generation = byKeyHash.generation();
		Optional<Source> found = sources.byKeyHash(hash).filter(Source::active);
		found.ifPresent(source -> byKeyHash.put(hash, source, generation));
		return found;
	}
}
