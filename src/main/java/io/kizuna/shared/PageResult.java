package io.kizuna.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a table and what a pager needs to draw the rest. */
public record PageResult<T>(List<T> items, long total, int page, int size) {

	public int totalPages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return page + 1 < totalPages();
	}

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(items.stream().map(mapper).toList(), total, page, size);
	}
}
