package io.kizuna.health.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A score's history drawn as an SVG line on a 0–100 scale, one point per day ({@link HealthRecords#daily}).
 */
record ScoreLine(LocalDate from, LocalDate to, String points, Integer low, Integer high, int width, int height) {

	static ScoreLine of(List<HealthRecords.Day> history, LocalDate from, LocalDate to, int width, int height) {
		int days = (int) java.time.temporal.ChronoUnit.DAYS.between(from, to);
		List<String> points = new ArrayList<>();
		Integer low = null;
		Integer high = null;
		for (HealthRecords.Day day : HealthRecords.daily(history, from, to)) {
			int score = day.score();
			low = low == null ? score : Math.min(low, score);
			high = high == null ? score : Math.max(high, score);
			double x = days == 0 ? 0 : (double) java.time.temporal.ChronoUnit.DAYS.between(from, day.day()) * width / days;
			double y = height - (double) score * height / 100;
			points.add(Math.round(x * 10) / 10.0 + "," + Math.round(y * 10) / 10.0);
		}
		return new ScoreLine(from, to, String.join(" ", points), low, high, width, height);
	}

	public boolean empty() {
		return points.isEmpty();
	}

	/** The latest point, "x,y", marked with a dot (a single day draws no line). */
	public String last() {
		return points.substring(points.lastIndexOf(' ') + 1);
	}

	public String lastX() {
		return last().substring(0, last().indexOf(','));
	}

	public String lastY() {
		return last().substring(last().indexOf(',') + 1);
	}
}
