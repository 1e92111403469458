package io.kizuna.imports;

import java.util.List;

/**
 * A field a CSV column can fill. {@code aliases} are header names that map to it on their own, such as
 * Salesforce's "Account Name" or HubSpot's "Company name" (compared without case, spaces or punctuation).
 */
public record ImportField(String name, String labelKey, boolean required, List<String> aliases) {
}
