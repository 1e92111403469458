package io.kizuna.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredTimeTests {

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-23T09:30:00Z", "2026-11-23T09:30:00.1Z", "2026-11-23T09:30:00.123Z",
			"2026-11-23T09:30:00.123456Z", "2026-11-23T09:30:00.123456789Z", "2026-11-23T09:30:00.Z", "1970-01-01T00:00:00Z",
			"1969-12-31T23:59:59.999Z", "2024-02-29T23:59:59Z", "2026-11-23T09:30:00+09:00", "+12026-01-01T00:00:00Z" })
	void readsWhatTheFormatterReads(String text) {
		assertThat(StoredTime.parse(text)).isEqualTo(Instant.parse(text));
	}

	@Test
	void readsBackAnyTimeKizunaWrote() {
		Random random = new Random(7);
		for (int i = 0; i < 10_000; i++) {
			Instant written = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 10_000_000_000L),
					random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
			assertThat(StoredTime.parse(written.toString())).isEqualTo(written);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-02-30T09:30:00Z", "2026-11-23T24:30:00Z", "2026-11-23T09:3x:00Z",
			"yesterday" })
	void refusesWhatTheFormatterRefuses(String text) {
		assertThatThrownBy(() -> StoredTime.parse(text)).isInstanceOf(DateTimeParseException.class);
	}

	@Test
	void aClientsTimeInAnotherShapeGoesToTheGivenParserAndKizunasOwnShapeNever() {
		java.util.function.Function<String, Instant> offsets = t -> java.time.OffsetDateTime.parse(t).toInstant();
		assertThat(StoredTime.parse("2026-11-23T18:30:00+09:00", offsets)).isEqualTo(Instant.parse("2026-11-23T09:30:00Z"));
		assertThat(StoredTime.parse("2026-11-23T18:30+09:00", offsets)).isEqualTo(Instant.parse("2026-11-23T09:30:00Z"));
		assertThat(StoredTime.parse("2026-11-23T09:30:00.250Z", t -> {
			throw new AssertionError("read by position, not by " + t);
		})).isEqualTo(Instant.parse("2026-11-23T09:30:00.250Z"));
		assertThatThrownBy(() -> StoredTime.parse("2026-11-23 09:30", offsets)).isInstanceOf(DateTimeParseException.class);
	}
}
