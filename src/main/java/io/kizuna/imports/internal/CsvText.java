package io.kizuna.imports.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as text. Excel in Japan saves "CSV" as Shift_JIS (Windows-31J, with the extra NEC and IBM
 * characters), other tools as UTF-8 with or without a byte-order mark, so: a BOM means UTF-8, text
 * that decodes as strict UTF-8 is UTF-8, anything else is read as Windows-31J.
 */
final class CsvText {

	static final Charset SHIFT_JIS = Charset.forName("windows-31j");

	/** The header and the data rows, each row with the line it starts on (the header is line 1). */
	record Table(List<String> headers, List<Row> rows) {
	}

	record Row(long line, List<String> cells) {
	}

	record Decoded(String text, String charset) {
	}

	private CsvText() {
	}

	static Decoded decode(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
			return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8 (BOM)");
		}
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return new Decoded(text, "UTF-8");
		}
		catch (CharacterCodingException notUtf8) {
			return new Decoded(new String(bytes, SHIFT_JIS), "Shift_JIS");
		}
	}

	static Table parse(String text) {
		CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			List<String> headers = null;
			List<Row> rows = new ArrayList<>();
			long nextLine = 1;
			for (CSVRecord record : parser) {
				List<String> cells = record.toList();
				if (headers == null) {
					headers = cells.stream().map(String::strip).toList();
				}
				else if (!cells.stream().allMatch(String::isBlank)) {
					rows.add(new Row(nextLine, cells));
				}
				nextLine = parser.getCurrentLineNumber() + 1;
			}
			return new Table(headers == null ? List.of() : headers, rows);
		}
		catch (IOException | UncheckedIOException e) {
			throw new IllegalArgumentException(e.getMessage(), e);
		}
	}
}
