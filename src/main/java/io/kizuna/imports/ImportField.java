package io.kizuna.imports;

import java.util.List;

/**
 * A field a CSV column can fill, named by a message key or, for fields people define, by {@code label}. {@code aliases} are header names that map to it on their own, such as
 * Salesforce's "Account Name" or HubSpot's "Company name" (compared without case, spaces or punctuation).
 */
public record ImportField(String name, String labelKey, boolean required, List<String> aliases, String label) {

	public ImportField(String name, String labelKey, boolean required, List<String> aliases) {
		this(name, labelKey, required, aliases, null);
	}

	/** A field whose label is the user's own words (an admin-defined field), not a message key. */
	public static ImportField labelled(String name, String label, List<String> aliases) {
		return new ImportField(name, null, false, aliases, label);
	}
}
