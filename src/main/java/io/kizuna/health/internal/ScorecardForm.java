package io.kizuna.health.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The scorecard page's form: one row per metric (included or not, weight, the values worth 0 and 100
 * points), the band thresholds, and the day and horizon to backtest the card as it stands in the form.
 */
public class ScorecardForm {

	public static class Row {

		private Metric metric;

		private boolean included;

		private Integer weight;

		private Double worst;

		private Double best;

		public Metric getMetric() {
			return metric;
		}

		public void setMetric(Metric metric) {
			this.metric = metric;
		}

		public boolean isIncluded() {
			return included;
		}

		public void setIncluded(boolean included) {
			this.included = included;
		}

		public Integer getWeight() {
			return weight;
		}

		public void setWeight(Integer weight) {
			this.weight = weight;
		}

		public Double getWorst() {
			return worst;
		}

		public void setWorst(Double worst) {
			this.worst = worst;
		}

		public Double getBest() {
			return best;
		}

		public void setBest(Double best) {
			this.best = best;
		}
	}

	private UUID id;

	private int version;

	private String name;

	private String segment;

	private int priority = 100;

	private int good = 70;

	private int neutral = 40;

	private List<Row> rows = new ArrayList<>();

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate asOf;

	private int horizonDays = 90;

	static ScorecardForm of(Scorecard card, LocalDate asOf) {
		ScorecardForm form = new ScorecardForm();
		form.id = card.id();
		form.version = card.version();
		form.name = card.name();
		form.segment = card.segment();
		form.priority = card.priority();
		form.good = card.good();
		form.neutral = card.neutral();
		form.asOf = asOf;
		for (Metric metric : Metric.values()) {
			Row row = new Row();
			row.metric = metric;
			Measure measure = card.measures().stream().filter(m -> m.metric() == metric).findFirst().orElse(null);
			row.included = measure != null;
			row.weight = measure == null ? 10 : measure.weight();
			row.worst = measure == null ? metric.defaultWorst() : measure.worst();
			row.best = measure == null ? metric.defaultBest() : measure.best();
			form.rows.add(row);
		}
		return form;
	}

	/** The card as the form has it; {@link Scorecard#validated()} says what is wrong with it. */
	Scorecard card() {
		List<Measure> measures = rows.stream()
			.filter(r -> r.included && r.metric != null)
			.map(r -> new Measure(r.metric, r.weight == null ? 0 : r.weight, r.worst == null ? Double.NaN : r.worst,
					r.best == null ? Double.NaN : r.best))
			.toList();
		return new Scorecard(id, name, segment == null || segment.isBlank() ? null : segment, priority, measures, good,
				neutral, version);
	}

	public UUID getId() {
		return id;
	}

	public void setId(UUID id) {
		this.id = id;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getSegment() {
		return segment;
	}

	public void setSegment(String segment) {
		this.segment = segment;
	}

	public int getPriority() {
		return priority;
	}

	public void setPriority(int priority) {
		this.priority = priority;
	}

	public int getGood() {
		return good;
	}

	public void setGood(int good) {
		this.good = good;
	}

	public int getNeutral() {
		return neutral;
	}

	public void setNeutral(int neutral) {
		this.neutral = neutral;
	}

	public List<Row> getRows() {
		return rows;
	}

	public void setRows(List<Row> rows) {
		this.rows = rows;
	}

	public LocalDate getAsOf() {
		return asOf;
	}

	public void setAsOf(LocalDate asOf) {
		this.asOf = asOf;
	}

	public int getHorizonDays() {
		return horizonDays;
	}

	public void setHorizonDays(int horizonDays) {
		this.horizonDays = horizonDays;
	}
}
