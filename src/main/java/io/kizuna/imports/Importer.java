package io.kizuna.imports;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * What a module provides to import its records from CSV. The imports module does the rest: the file,
 * its encoding, the column mapping, previews, reports and progress.
 *
 * @param <P> a row that passed the check, ready to be written
 */
public interface Importer<P> {

	/** The kind of record, as it appears in URLs ({@code accounts}). */
	String kind();

	/** The message key of the kind's name. */
	String labelKey();

	/** The fields a column can be mapped to, in the order the mapping form shows them. */
	List<ImportField> fields();

	/**
	 * Reads every row and checks it against the rules and against what is already stored, writing
	 * nothing: the rows that can be written, and the problems of the others (a row may have several).
	 */
	ImportPlan<P> plan(List<ImportRow> rows);

	/**
	 * Writes the accepted rows of a plan, creating or updating by external id so that importing the
	 * same file twice changes nothing. Runs inside the import's transaction: if it throws, nothing of
	 * the file is kept. {@code progress} is told how many rows are done so far.
	 */
	ImportResult apply(List<P> accepted, IntConsumer progress);
}
