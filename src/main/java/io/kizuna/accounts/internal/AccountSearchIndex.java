package io.kizuna.accounts.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRevenue;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The account table's filters, sorts and text search, answered from an in-memory Lucene index instead
 * of the database: every filter and sort combination over 100,000 accounts in a millisecond or two,
 * where SQL needed a scan and a sort per request. Name and domains are indexed as overlapping pairs
 * of characters (and single characters), so "contains" matches any substring in Japanese or English
 * as {@code like '%…%'} did. The database stays the record: the index is built from it at start and
 * updated after each commit that changes an account ({@link AccountIndexing}).
 */
class AccountSearchIndex implements AutoCloseable {

	static final String ID = "id";

	private static final String TEXT = "text";

	private static final String TEXT1 = "text1";

	private static final String MISSING = "missing";

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final Analyzer pairs = ngrams(2);

	private final SizeBands bands;

	private final TextOrder textOrder = new TextOrder();

	/**
	 * Health words as numbers: a band or segment is stored as its place in the sorted list of those known,
	 * so that a changed score rewrites four numbers of a document in place ({@link #updateHealth}) instead
	 * of the whole document with its text. Replaced, never changed, so that searches read them unlocked.
	 */
	private volatile List<String> knownBands = List.of();

	private volatile List<String> knownSegments = List.of();

	/** What an account without a value holds: sorts last, first when descending, as SQL's nulls did. */
	private static final long NONE = PrunableSort.MISSING;

	/** A page of account ids in order, and how many match in all. */
	record Hits(List<AccountId> ids, long total) {
	}

	AccountSearchIndex(SizeBands bands) {
		this.bands = bands;
		try {
			Analyzer analyzer = new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(TEXT, pairs, TEXT1, ngrams(1)));
			writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64));
			searchers = new SearcherManager(writer, null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void put(Collection<Account> accounts) {
		try {
			for (Account account : accounts) {
				writer.updateDocument(new Term(ID, account.id().toString()), document(account));
			}
			searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Adds accounts during a full build: no lookup of an older version, no refresh until {@link #compact()}. */
	void load(Collection<Account> accounts) {
		try {
			for (Account account : accounts) {
				writer.addDocument(document(account));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void remove(Collection<AccountId> ids) {
		try {
			for (AccountId id : ids) {
				writer.deleteDocuments(new Term(ID, id.toString()));
			}
			searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Learns the bands and segments these accounts are in. Answers true when places already given out moved
	 * (a new segment sorts before an old one): then every account's health must be written again.
	 */
	synchronized boolean learn(Collection<io.kizuna.accounts.AccountRecords.AccountHealth> health) {
		java.util.TreeSet<String> bands = new java.util.TreeSet<>(knownBands);
		java.util.TreeSet<String> segments = new java.util.TreeSet<>(knownSegments);
		for (var h : health) {
			if (h.band() != null) {
				bands.add(h.band());
			}
			if (h.segment() != null) {
				segments.add(h.segment());
			}
		}
		boolean moved = !startsWith(bands, knownBands) || !startsWith(segments, knownSegments);
		knownBands = List.copyOf(bands);
		knownSegments = List.copyOf(segments);
		return moved;
	}

	private static boolean startsWith(java.util.SortedSet<String> now, List<String> before) {
		return List.copyOf(now).subList(0, before.size()).equals(before);
	}

	/**
	 * Rewrites the health of these accounts in place, only the numbers that differ from {@code before} (all of
	 * them for an account it lacks): a recompute moves every score but few bands or segments, and each number
	 * rewritten costs a look-up of its account. Accounts not in the index are skipped.
	 */
	void updateHealth(Map<AccountId, io.kizuna.accounts.AccountRecords.AccountHealth> health,
			Map<AccountId, io.kizuna.accounts.AccountRecords.AccountHealth> before) {
		try {
			List<Field> changed = new ArrayList<>(4);
			for (var entry : health.entrySet()) {
				Field[] now = healthFields(entry.getValue());
				var old = before.get(entry.getKey());
				Field[] was = old == null ? null : healthFields(old);
				changed.clear();
				for (int i = 0; i < now.length; i++) {
					if (was == null || !now[i].numericValue().equals(was[i].numericValue())) {
						changed.add(now[i]);
					}
				}
				if (!changed.isEmpty()) {
					writer.updateDocValues(new Term(ID, entry.getKey().toString()), changed.toArray(Field[]::new));
				}
			}
			searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Field[] healthFields(io.kizuna.accounts.AccountRecords.AccountHealth health) {
		return new Field[] { new NumericDocValuesField("s_health", health.score() == null ? NONE : health.score()),
				new NumericDocValuesField("s_trend", health.trend() == null ? NONE : health.trend()),
				new NumericDocValuesField("h_band", code(knownBands, health.band())),
				new NumericDocValuesField("s_segment", code(knownSegments, health.segment())) };
	}

	private static long code(List<String> known, String word) {
		int at = word == null ? -1 : java.util.Collections.binarySearch(known, word);
		return at < 0 ? NONE : at;
	}

	/** Accounts whose band or segment is this word; an unknown word matches none. */
	private static Query healthIs(String field, List<String> known, String word) {
		long code = code(known, word);
		return code == NONE ? new org.apache.lucene.search.MatchNoDocsQuery()
				: NumericDocValuesField.newSlowExactQuery(field, code);
	}

	/**
	 * Merges the index into one segment after a full build: sorting by text compares ordinals within a
	 * segment, but has to look terms up across segments.
	 */
	void compact() {
		try {
			writer.forceMerge(1);
			searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void clear() {
		try {
			writer.deleteAll();
			searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	Hits search(AccountQuery query, Map<String, CustomField> customFields) {
		int end = (int) Math.min(Integer.MAX_VALUE - 1, query.page().offset() + query.page().size());
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				Query lucene = query(query, customFields);
				// Counting apart lets the sorted search skip documents that cannot make the page.
				int total = searcher.count(lucene);
				TopFieldDocs top = searcher.search(lucene,
						new TopFieldCollectorManager(sort(query), Math.max(1, end), null, Math.max(1, end)));
				int from = (int) Math.min(query.page().offset(), top.scoreDocs.length);
				return new Hits(ids(searcher, Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length)), total);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The page's account ids, in the page's order, from doc values: stored fields would decompress a
	 * whole block per hit. Doc values read forwards only, so the hits are visited in index order, with
	 * one reader per segment (opening one per hit cost an eighth of a list request's CPU).
	 */
	private static List<AccountId> ids(IndexSearcher searcher, ScoreDoc[] page) throws IOException {
		Integer[] byDoc = new Integer[page.length];
		for (int i = 0; i < page.length; i++) {
			byDoc[i] = i;
		}
		Arrays.sort(byDoc, Comparator.comparingInt(i -> page[i].doc));
		AccountId[] ids = new AccountId[page.length];
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		LeafReaderContext leaf = null;
		SortedDocValues values = null;
		for (int i : byDoc) {
			int doc = page[i].doc;
			if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
				leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
				values = DocValues.getSorted(leaf.reader(), "s_id");
			}
			if (values.advanceExact(doc - leaf.docBase)) {
				ids[i] = AccountId.valueOf(values.lookupOrd(values.ordValue()).utf8ToString());
			}
		}
		return Arrays.stream(ids).filter(java.util.Objects::nonNull).toList();
	}

	private Query query(AccountQuery q, Map<String, CustomField> customFields) {
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		boolean any = false;
		String text = q.text() == null ? "" : q.text().strip().toLowerCase(Locale.ROOT);
		if (!text.isEmpty()) {
			all.add(text(text), BooleanClause.Occur.FILTER);
			any = true;
		}
		if (q.stage() != null) {
			all.add(new TermQuery(new Term("stage", q.stage().name())), BooleanClause.Occur.FILTER);
			any = true;
		}
		if (q.owner() != null) {
			all.add(new TermQuery(new Term("owner", q.owner().toString())), BooleanClause.Occur.FILTER);
			any = true;
		}
		if (q.plan() != null && !q.plan().isBlank()) {
			all.add(new TermQuery(new Term("plan", q.plan())), BooleanClause.Occur.FILTER);
			any = true;
		}
		if (q.size() != null) {
			Integer[] range = bands.range(q.size());
			all.add(range[0] == null && range[1] == null ? new TermQuery(new Term(MISSING, "employees"))
					: IntPoint.newRangeQuery("employees", range[0] == null ? Integer.MIN_VALUE : range[0],
							range[1] == null ? Integer.MAX_VALUE : range[1] - 1),
					BooleanClause.Occur.FILTER);
			any = true;
		}
		if (q.band() != null && !q.band().isBlank()) {
			all.add(healthIs("h_band", knownBands, q.band()), BooleanClause.Occur.FILTER);
			any = true;
		}
		if (q.segment() != null && !q.segment().isBlank()) {
			all.add(healthIs("s_segment", knownSegments, q.segment()), BooleanClause.Occur.FILTER);
			any = true;
		}
		if (q.renewalFrom() != null) {
			all.add(LongPoint.newRangeQuery("renewal", q.renewalFrom().toEpochDay(), q.renewalTo().toEpochDay()),
					BooleanClause.Occur.FILTER);
			any = true;
		}
		for (Map.Entry<String, String> filter : q.custom().entrySet()) {
			CustomField field = customFields.get(filter.getKey());
			if (field == null || filter.getValue() == null || filter.getValue().isBlank()) {
				continue;
			}
			String value;
			try {
				value = field.normalize(filter.getValue());
			}
			catch (IllegalArgumentException misfit) {
				value = "\u0000no value matches";
			}
			all.add(new TermQuery(new Term("cf." + field.key(), value)), BooleanClause.Occur.FILTER);
			any = true;
		}
		return any ? all.build() : new MatchAllDocsQuery();
	}

	/** Name or a domain contains the text: consecutive character pairs, or one character for a one-letter search. */
	private Query text(String text) {
		if (text.codePointCount(0, text.length()) == 1) {
			return new TermQuery(new Term(TEXT1, text));
		}
		PhraseQuery.Builder phrase = new PhraseQuery.Builder();
		try (TokenStream tokens = pairs.tokenStream(TEXT, text)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			tokens.reset();
			int position = 0;
			while (tokens.incrementToken()) {
				phrase.add(new Term(TEXT, term.toString()), position++);
			}
			tokens.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return phrase.build();
	}

	/** The same order as the SQL it replaces: the column (empty values last, first when descending), then id. */
	private Sort sort(AccountQuery query) {
		boolean reverse = !query.page().ascending();
		SortField id = textOrder.sortField("s_id", false);
		return switch (query.page().sort() == null ? "" : query.page().sort()) {
			case "employees" -> new Sort(numeric("s_employees", reverse), id);
			case "stage" -> text("stage", reverse, id);
			case "plan" -> text("plan", reverse, id);
			case "updatedAt" -> new Sort(numeric("s_updated", reverse), id);
			case "mrr" -> new Sort(numeric("s_mrr", reverse), id);
			case "renewal" -> new Sort(numeric("s_renewal", reverse), id);
			// health numbers are rewritten in place (doc values only, no points), so they do not prune
			case "health" -> new Sort(numeric("s_health", reverse), id);
			case "trend" -> new Sort(numeric("s_trend", reverse), id);
			case "segment" -> new Sort(numeric("s_segment", reverse), id);
			default -> text("name", reverse, id);
		};
	}

	private static SortField numeric(String field, boolean reverse) {
		return PrunableSort.numeric(field, reverse);
	}

	/** The text's seven-byte key prunes; the exact text orders what the key leaves tied. */
	private Sort text(String column, boolean reverse, SortField id) {
		return new Sort(numeric("k_" + column, reverse), textOrder.sortField("s_" + column, reverse), id);
	}

	private Document document(Account account) {
		AccountDetails d = account.details();
		Document doc = new Document();
		String id = account.id().toString();
		doc.add(new StringField(ID, id, Field.Store.NO));
		doc.add(new SortedDocValuesField("s_id", new BytesRef(id)));
		String text = (d.name() + "\n" + String.join("\n", d.domains())).toLowerCase(Locale.ROOT);
		doc.add(new TextField(TEXT, text, Field.Store.NO));
		doc.add(new TextField(TEXT1, text, Field.Store.NO));
		doc.add(new SortedDocValuesField("s_name", new BytesRef(d.name().toLowerCase(Locale.ROOT))));
		PrunableSort.addTextKey(doc, "k_name", d.name().toLowerCase(Locale.ROOT));
		doc.add(new StringField("stage", d.stage().name(), Field.Store.NO));
		doc.add(new SortedDocValuesField("s_stage", new BytesRef(d.stage().name())));
		PrunableSort.addTextKey(doc, "k_stage", d.stage().name());
		PrunableSort.addTextKey(doc, "k_plan", d.plan());
		if (d.plan() != null) {
			doc.add(new StringField("plan", d.plan(), Field.Store.NO));
			doc.add(new SortedDocValuesField("s_plan", new BytesRef(d.plan())));
		}
		if (d.ownerCsm() != null) {
			doc.add(new StringField("owner", d.ownerCsm().toString(), Field.Store.NO));
		}
		if (d.employeeCount() == null) {
			doc.add(new StringField(MISSING, "employees", Field.Store.NO));
		}
		else {
			doc.add(new IntPoint("employees", d.employeeCount()));
		}
		PrunableSort.add(doc, "s_employees", d.employeeCount() == null ? null : d.employeeCount().longValue());
		PrunableSort.add(doc, "s_updated", account.updatedAt().toEpochMilli());
		AccountRevenue revenue = account.revenue();
		PrunableSort.add(doc, "s_mrr", revenue.mrrReporting() == null ? null
				: revenue.mrrReporting().amount().movePointRight(4).setScale(0, java.math.RoundingMode.HALF_EVEN).longValue());
		LocalDate renewal = revenue.nextRenewal();
		if (renewal != null) {
			doc.add(new LongPoint("renewal", renewal.toEpochDay()));
		}
		PrunableSort.add(doc, "s_renewal", renewal == null ? null : renewal.toEpochDay());
		d.custom().forEach((key, value) -> doc.add(new StringField("cf." + key, value, Field.Store.NO)));
		// Every document has the health fields, with or without values, so that they can be updated in place.
		for (Field field : healthFields(account.health())) {
			doc.add(field);
		}
		return doc;
	}

	private static Analyzer ngrams(int size) {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String field) {
				Tokenizer tokenizer = new NGramTokenizer(size, size);
				return new TokenStreamComponents(tokenizer);
			}
		};
	}

	@Override
	public void close() throws IOException {
		searchers.close();
		writer.close();
	}
}
