package io.kizuna.imports;

/** Why a row cannot be imported: its line and a message key with arguments, shown in the reader's language. */
public record RowProblem(long line, String messageKey, Object... arguments) {
}
