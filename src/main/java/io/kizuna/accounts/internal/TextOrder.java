package io.kizuna.accounts.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LongValues;
import org.apache.lucene.search.LongValuesSource;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.packed.PackedInts;

/**
 * Sorts by a text doc-values field through its place in the whole index's dictionary (a global ordinal),
 * in the same order as Lucene's text sort. Lucene's text sort copies the term of every document that
 * enters the top of the page and decompresses a block of the dictionary to do so; under load that was
 * 40 % of the account table's CPU. A global ordinal is a number: comparing and copying it costs nothing.
 * The map from each segment's ordinals to global ones is built once per index reader (nothing to build
 * when the index is one segment) and dropped when the reader closes.
 */
final class TextOrder {

	private final Map<IndexReader.CacheKey, Map<String, OrdinalMap>> maps = new ConcurrentHashMap<>();

	/** Missing values sort last, first when descending, as {@link SortField#STRING_LAST} does. */
	SortField sortField(String field, boolean reverse) {
		return new GlobalOrdinal(field).getSortField(reverse, Long.MAX_VALUE);
	}

	private org.apache.lucene.util.LongValues toGlobal(LeafReaderContext leaf, String field) throws IOException {
		IndexReader top = ReaderUtil.getTopLevelContext(leaf).reader();
		List<LeafReaderContext> leaves = top.leaves();
		if (leaves.size() == 1) {
			return org.apache.lucene.util.LongValues.IDENTITY;
		}
		IndexReader.CacheHelper helper = top.getReaderCacheHelper();
		if (helper == null) {
			throw new IllegalStateException("a reader of several segments without a cache key: " + top);
		}
		Map<String, OrdinalMap> byField = maps.computeIfAbsent(helper.getKey(), key -> {
			helper.addClosedListener(maps::remove);
			return new ConcurrentHashMap<>();
		});
		// Built once per reader and field: requests that arrive together on a new reader wait for one build.
		OrdinalMap map = byField.computeIfAbsent(field, name -> {
			SortedDocValues[] values = new SortedDocValues[leaves.size()];
			try {
				for (LeafReaderContext each : leaves) {
					values[each.ord] = DocValues.getSorted(each.reader(), name);
				}
				return OrdinalMap.build(helper.getKey(), values, PackedInts.DEFAULT);
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		return map.getGlobalOrds(leaf.ord);
	}

	private final class GlobalOrdinal extends LongValuesSource {

		private final String field;

		GlobalOrdinal(String field) {
			this.field = field;
		}

		@Override
		public LongValues getValues(LeafReaderContext leaf, DoubleValues scores) throws IOException {
			SortedDocValues values = DocValues.getSorted(leaf.reader(), field);
			org.apache.lucene.util.LongValues global = toGlobal(leaf, field);
			return new LongValues() {
				@Override
				public long longValue() throws IOException {
					return global.get(values.ordValue());
				}

				@Override
				public boolean advanceExact(int doc) throws IOException {
					return values.advanceExact(doc);
				}
			};
		}

		@Override
		public boolean needsScores() {
			return false;
		}

		@Override
		public int hashCode() {
			return field.hashCode();
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof GlobalOrdinal that && that.field.equals(field);
		}

		@Override
		public String toString() {
			return "globalOrdinal(" + field + ")";
		}

		@Override
		public LongValuesSource rewrite(IndexSearcher searcher) {
			return this;
		}

		@Override
		public boolean isCacheable(LeafReaderContext leaf) {
			// The values depend on the other segments too.
			return false;
		}
	}
}
