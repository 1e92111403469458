package io.kizuna.shared;

/**
 * Which slice of a sorted table to show. Page numbers start at 0; the size is clamped so that a
 * crafted request cannot ask for a million rows at once.
 */
public record PageQuery(int page, int size, String sort, boolean ascending) {

	public static final int MAX_SIZE = 200;

	public PageQuery {
		page = Math.max(0, page);
		size = Math.clamp(size, 1, MAX_SIZE);
	}

	public long offset() {
		return (long) page * size;
	}
}
