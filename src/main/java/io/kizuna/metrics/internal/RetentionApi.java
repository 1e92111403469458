package io.kizuna.metrics.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.kizuna.shared.BusinessRuleViolation;
import io.kizuna.shared.InvalidRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Retention forecasts on any survival counts, so analysts can use the model on data from anywhere. */
@RestController
@RequestMapping("/api/v1/metrics/retention")
@Tag(name = "Metrics", description = "SaaS metrics and retention forecasts")
class RetentionApi {

	record SbgRequest(
			@Schema(description = "alive[t]: customers still active after t periods; alive[0] is the cohort's size",
					example = "[1000, 869, 743, 653, 593, 551, 517, 491]") @NotNull @Size(min = 2,
							max = 1000) List<@NotNull @PositiveOrZero Double> alive,
			@Schema(description = "Periods to project, counted from period 0 (default 12)",
					example = "12") @PositiveOrZero @Max(1000) Integer horizon,
			@Schema(description = "Discount rate per period for DERL (default 0.10)",
					example = "0.10") @Positive @DecimalMax("10") Double discountRate) {
	}

	record SbgAnswer(double alpha, double beta, double logLikelihood, List<Double> projectedAlive,
			List<Double> projectedRetention, double derl, int renewals, double discountRate) {
	}

	@PostMapping("/sbg")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Fit the shifted-beta-geometric retention model to survival counts",
			description = "Maximum-likelihood fit of Fader & Hardie's sBG model. projectedAlive[t] is alive[0]·S(t) "
					+ "and projectedRetention[t] is S(t)/S(t−1) (1 for t = 0), for t = 0…horizon. derl is the "
					+ "discounted expected residual lifetime, in periods, of a customer who has made as many "
					+ "renewals as the series has periods after the first.")
	SbgAnswer sbg(@Valid @RequestBody SbgRequest request) {
		double[] alive = checked(request.alive());
		int horizon = request.horizon() == null ? 12 : request.horizon();
		double discountRate = request.discountRate() == null ? 0.10 : request.discountRate();
		SbgFitting.Fit fit = SbgFitting.fit(alive)
			.orElseThrow(() -> new BusinessRuleViolation("metrics.sbg.notIdentified"));
		ShiftedBetaGeometric model = fit.model();
		List<Double> projectedAlive = new ArrayList<>();
		List<Double> projectedRetention = new ArrayList<>();
		for (int t = 0; t <= horizon; t++) {
			projectedAlive.add(alive[0] * model.survival(t));
			projectedRetention.add(t == 0 ? 1.0 : model.retention(t));
		}
		int renewals = alive.length - 1;
		return new SbgAnswer(model.alpha(), model.beta(), fit.logLikelihood(), projectedAlive, projectedRetention,
				model.derl(discountRate, renewals), renewals, discountRate);
	}

	/** The counts as numbers, once they are known to describe a cohort that only shrinks. */
	private static double[] checked(List<Double> counts) {
		double[] alive = counts.stream().mapToDouble(Double::doubleValue).toArray();
		if (!(alive[0] > 0)) {
			throw new InvalidRequest("metrics.sbg.firstPositive");
		}
		for (int t = 1; t < alive.length; t++) {
			if (alive[t] > alive[t - 1]) {
				throw new InvalidRequest("metrics.sbg.increasing", t, alive[t - 1], alive[t]);
			}
		}
		if (alive[alive.length - 1] == alive[0]) {
			throw new InvalidRequest("metrics.sbg.noneLost");
		}
		return alive;
	}
}
