package io.kizuna.accounts.internal;

import java.nio.charset.StandardCharsets;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.search.SortField;

/**
 * Sort values that let Lucene skip documents which cannot reach the page. A numeric sort whose field
 * is also indexed as points prunes with them once the page's queue is full; without points, every
 * matching document of 100,000 is compared. So each sortable number is stored both ways, and a
 * missing one as {@link Long#MAX_VALUE} (last, first when descending), because a missing value that
 * could still make the page would switch the pruning off.
 * <p>
 * Text sorts get a numeric key in front: the first seven bytes of the text, compared as Lucene
 * compares text (unsigned bytes). It orders every pair whose first seven bytes differ; the exact text
 * ({@link TextOrder}) decides the rest, so the order is the text's order.
 */
final class PrunableSort {

	static final long MISSING = Long.MAX_VALUE;

	private static final int PREFIX_BYTES = 7;

	private PrunableSort() {
	}

	static void add(Document doc, String field, Long value) {
		long stored = value == null ? MISSING : value;
		doc.add(new LongPoint(field, stored));
		doc.add(new NumericDocValuesField(field, stored));
	}

	static void addTextKey(Document doc, String field, String text) {
		add(doc, field, text == null ? null : prefix(text));
	}

	/** Non-negative and below {@link #MISSING}: seven bytes fill 56 bits. */
	static long prefix(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		long key = 0;
		for (int i = 0; i < PREFIX_BYTES; i++) {
			key = (key << 8) | (i < bytes.length ? bytes[i] & 0xff : 0);
		}
		return key;
	}

	static SortField numeric(String field, boolean reverse) {
		SortField sort = new SortField(field, SortField.Type.LONG, reverse);
		sort.setMissingValue(MISSING);
		return sort;
	}
}
