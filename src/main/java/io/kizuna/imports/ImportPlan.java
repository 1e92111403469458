package io.kizuna.imports;

import java.util.List;

/** The outcome of reading a file's rows: those that can be written, and why the others cannot. */
public record ImportPlan<P>(List<P> accepted, List<RowProblem> problems) {
}
