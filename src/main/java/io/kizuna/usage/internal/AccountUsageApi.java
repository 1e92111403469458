package io.kizuna.usage.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.kizuna.accounts.AccountId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Usage", description = "Product usage per account, from the daily rollups")
class AccountUsageApi {

	private final AccountUsage usage;

	AccountUsageApi(AccountUsage usage) {
		this.usage = usage;
	}

	@GetMapping("/api/v1/accounts/{id}/usage")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "An account's usage over the last days (default 30): active users and events per day, "
			+ "DAU, WAU, MAU and the most used events, from the daily rollups")
	AccountUsage.Summary api(@PathVariable AccountId id,
			@RequestParam(defaultValue = "30") @Min(1) @Max(400) int days) {
		return usage.of(id, days);
	}
}
