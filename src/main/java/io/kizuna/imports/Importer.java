package io.kizuna.imports;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * What a module provides to import its records from CSV. The imports module does the rest: the file,
 * its encoding, the column mapping, previews, reports and progress.
 */
public interface Importer {

	/** The kind of record, as it appears in URLs ({@code accounts}). */
	String kind();

	/** The message key of the kind's name. */
	String labelKey();

	/** The fields a column can be mapped to, in the order the mapping form shows them. */
	List<ImportField> fields();

	/**
	 * Checks every row against the rules and against what is already stored, writing nothing. Rows
	 * with problems will be left out; a row may have several problems.
	 */
	List<RowProblem> check(List<ImportRow> rows);

	/**
	 * Writes rows that passed the check, creating or updating by external id so that importing the
	 * same file twice changes nothing. Runs inside the import's transaction: if it throws, nothing of
	 * the file is kept. {@code progress} is told how many rows are done so far.
	 */
	ImportResult apply(List<ImportRow> rows, IntConsumer progress);
}
