package io.kizuna.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PostgresCopyTests {

	@Test
	void rowsBecomeCsvAsCopyReadsItWithNullsApartFromEmptyText() throws Exception {
		UUID id = UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
		Instant at = Instant.parse("2026-12-06T09:30:00.250Z");
		String csv = PostgresCopy.csv(List.of(new Object[] { id, Timestamp.from(at), "山田 \"太郎\", 営業", 42, null },
				new Object[] { id, at, "", -1, "a\nb" }));
		assertThat(csv).isEqualTo("""
				"3f2504e0-4f89-41d3-9a0c-0305e82c3301","2026-12-06T09:30:00.250Z","山田 ""太郎"", 営業","42",
				"3f2504e0-4f89-41d3-9a0c-0305e82c3301","2026-12-06T09:30:00.250Z","","-1","a
				b"
				""");
	}
}
