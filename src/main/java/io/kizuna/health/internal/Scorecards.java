package io.kizuna.health.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kizuna.identity.CurrentUser;
import io.kizuna.identity.UserId;
import io.kizuna.shared.CommittedValue;
import io.kizuna.shared.ConflictException;
import io.kizuna.shared.NotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;

/**
 * The scorecards, kept in memory as well because every score reads them; a default "Standard" card is
 * written on the first start so that scores appear before anyone configures anything.
 */
@Repository
@Transactional
class Scorecards {

	/** What is stored as JSON: everything of a card but its identity and place. */
	record Definition(List<Measure> measures, int good, int neutral) {
	}

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	private final CommittedValue<List<Scorecard>> cards = new CommittedValue<>();

	Scorecards(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** The segments' cards in priority order, then the default ones (no segment). */
	@Transactional(readOnly = true)
	List<Scorecard> all() {
		return cards.get(() -> jdbc.query("select id, name, segment_key, priority, definition, version from health_scorecard",
					(rs, n) -> {
						Definition d = json.readValue(rs.getString("definition"), Definition.class);
						return new Scorecard(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("segment_key"),
								rs.getInt("priority"), d.measures(), d.good(), d.neutral(), rs.getInt("version"));
					})
				.stream()
				.sorted(Comparator.comparing((Scorecard c) -> c.segment() == null)
					.thenComparingInt(Scorecard::priority)
					.thenComparing(Scorecard::name))
				.toList());
	}

	Optional<Scorecard> find(UUID id) {
		return all().stream().filter(c -> c.id().equals(id)).findFirst();
	}

	Scorecard require(UUID id) {
		return find(id).orElseThrow(() -> new NotFoundException("health.scorecard.notFound", id));
	}

	/** Creates a card (no id) or replaces one whose version still matches. */
	Scorecard save(Scorecard card) {
		card.validated();
		Timestamp now = Timestamp.from(clock.instant());
		UUID by = CurrentUser.id().map(UserId::value).orElse(null);
		String definition = json.writeValueAsString(new Definition(card.measures(), card.good(), card.neutral()));
		Scorecard saved;
		try {
			if (card.id() == null) {
				saved = card.withId(UUID.randomUUID(), 0);
				jdbc.update("insert into health_scorecard (id, name, segment_key, priority, definition, updated_at,"
						+ " updated_by, version) values (?, ?, ?, ?, ?, ?, ?, 0)", saved.id(), saved.name(), saved.segment(),
						saved.priority(), definition, now, by);
			}
			else {
				saved = card.withId(card.id(), card.version() + 1);
				int rows = jdbc.update("update health_scorecard set name = ?, segment_key = ?, priority = ?, definition = ?,"
						+ " updated_at = ?, updated_by = ?, version = version + 1 where id = ? and version = ?", saved.name(),
						saved.segment(), saved.priority(), definition, now, by, card.id(), card.version());
				if (rows == 0) {
					// The database decides, not the cached list another thread may have filled a moment ago.
					Integer exists = jdbc.queryForObject("select count(*) from health_scorecard where id = ?", Integer.class,
							card.id());
					if (exists == null || exists == 0) {
						throw new NotFoundException("health.scorecard.notFound", card.id());
					}
					throw new ConflictException("health.scorecard.conflict");
				}
			}
		}
		catch (DuplicateKeyException duplicate) {
			throw new ConflictException("health.scorecard.duplicateName", card.name());
		}
		forget();
		return saved;
	}

	void delete(UUID id) {
		Scorecard card = require(id);
		if (card.segment() == null && all().stream().filter(c -> c.segment() == null).count() == 1) {
			// Every account needs a card that applies: the last default one stays.
			throw new ConflictException("health.scorecard.lastDefault");
		}
		jdbc.update("delete from health_scorecard where id = ?", id);
		forget();
	}

	/** Removes a card without the last-default check (an import that brings its own default). */
	void deleteAny(UUID id) {
		jdbc.update("delete from health_scorecard where id = ?", id);
		forget();
	}

	/** The first start writes the standard card; later starts leave the admin's cards alone. */
	void ensureDefault() {
		Integer count = jdbc.queryForObject("select count(*) from health_scorecard", Integer.class);
		if (count != null && count == 0) {
			save(Scorecard.standard());
		}
	}

	/** The card for an account in these segments: the first in priority order whose segment it is in, else the default. */
	Scorecard forSegments(java.util.Set<String> segments) {
		return forSegments(all(), segments);
	}

	/** The same from cards read once: the engine asks for every account, and a proxied call each costs. */
	static Scorecard forSegments(List<Scorecard> all, java.util.Set<String> segments) {
		return all.stream()
			.filter(c -> c.segment() == null || segments.contains(c.segment()))
			.findFirst()
			.orElseGet(() -> all.isEmpty() ? Scorecard.standard() : all.getLast());
	}

	/** Forgets the cached cards (after an import replaced them). */
	void reload() {
		forget();
	}

	private void forget() {
		cards.forget();
	}
}
