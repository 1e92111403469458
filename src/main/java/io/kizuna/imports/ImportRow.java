package io.kizuna.imports;

import java.util.Map;

/** One data row of the file: its line number in the file (the header is line 1) and its mapped values. */
public record ImportRow(long line, Map<String, String> values) {

	/** The trimmed value of a field, or null when the column is missing or blank. */
	public String get(String field) {
		String value = values.get(field);
		return value == null || value.isBlank() ? null : value.strip();
	}
}
