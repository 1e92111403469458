package io.kizuna.imports;

/** What an import wrote: records created, updated, and rows that matched a record already the same. */
public record ImportResult(int created, int updated, int unchanged) {
}
