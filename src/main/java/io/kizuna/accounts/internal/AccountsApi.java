package io.kizuna.accounts.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.LifecycleStage;
import io.kizuna.accounts.SizeBand;
import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.UserId;
import io.kizuna.shared.BusinessRuleViolation;
import io.kizuna.shared.Money;
import io.kizuna.shared.PageQuery;
import io.kizuna.shared.PageResult;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "Customer companies")
class AccountsApi {

	private final AccountCatalog catalog;

	private final AccountViews views;

	private final AccountIndexing indexing;

	AccountsApi(AccountCatalog catalog, AccountViews views, AccountIndexing indexing) {
		this.indexing = indexing;
		this.catalog = catalog;
		this.views = views;
	}

	/** An account as the API writes it; {@code version} must be sent back with an update. */
	record AccountRequest(@NotBlank @Size(max = 200) String name, List<String> domains,
			@Size(max = 100) String industry, @PositiveOrZero @Max(10_000_000) Integer employeeCount, String country,
			@Size(max = 100) String plan, @NotNull LifecycleStage stage, UUID ownerCsmId, UUID accountExecutiveId,
			@Pattern(regexp = AccountRules.EXTERNAL_ID, message = "{account.externalId.pattern}") String salesforceId,
			@Pattern(regexp = AccountRules.EXTERNAL_ID, message = "{account.externalId.pattern}") String hubspotId,
			Map<String, Object> customFields, Integer version) {

		AccountDetails toDetails() {
			if (!AccountRules.validDomains(domains)) {
				throw new BusinessRuleViolation("account.domain.invalid");
			}
			if (!AccountRules.validCountry(country)) {
				throw new BusinessRuleViolation("account.country.unknown");
			}
			return new AccountDetails(name, domains, industry, employeeCount, country, plan, stage,
					ownerCsmId == null ? null : new UserId(ownerCsmId),
					accountExecutiveId == null ? null : new UserId(accountExecutiveId), salesforceId, hubspotId,
					customFields == null ? Map.of() : customFields.entrySet().stream()
						.filter(e -> e.getValue() != null)
						.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString())));
		}
	}

	record AccountResponse(UUID id, String name, List<String> domains, String industry, Integer employeeCount,
			SizeBand sizeBand, String country, String plan, LifecycleStage stage, String ownerCsm,
			String accountExecutive, String salesforceId, String hubspotId, Map<String, String> customFields, Money mrr,
			Money mrrReporting, LocalDate renewalDate, Instant createdAt, Instant updatedAt, int version) {

		static AccountResponse of(AccountView v) {
			return new AccountResponse(UUID.fromString(v.id()), v.name(), v.domains(), v.industry(), v.employeeCount(),
					v.sizeBand(), v.country(), v.plan(), v.stage(), v.ownerCsm(), v.accountExecutive(),
					v.salesforceId(), v.hubspotId(), v.custom(), v.revenue().mrr(), v.revenue().mrrReporting(),
					v.revenue().nextRenewal(), v.createdAt(), v.updatedAt(), v.version());
		}
	}

	@GetMapping
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "List accounts, filtered, sorted and paged")
	PageResult<AccountResponse> list(@ParameterObject AccountQuery.Filter filter,
			@RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "asc") String dir,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int pageSize,
			@io.swagger.v3.oas.annotations.Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
		var result = indexing.search(filter.toQuery(AccountController.today(), parameters,
				new PageQuery(page, pageSize, sort, !"desc".equals(dir))));
		return new PageResult<>(views.of(result.items()).stream().map(AccountResponse::of).toList(), result.total(),
				result.page(), result.size());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "One account")
	AccountResponse get(@PathVariable AccountId id) {
		return AccountResponse.of(views.of(catalog.get(id)));
	}

	@PostMapping
	@PreAuthorize(AccountController.EDITORS)
	@Operation(summary = "Add an account")
	ResponseEntity<AccountResponse> create(@Valid @RequestBody AccountRequest request) {
		Account created = catalog.create(request.toDetails());
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + created.id()))
			.body(AccountResponse.of(views.of(created)));
	}

	@PutMapping("/{id}")
	@PreAuthorize(AccountController.EDITORS)
	@Operation(summary = "Replace an account's details; send the version you read (409 if it changed since)")
	AccountResponse update(@PathVariable AccountId id, @Valid @RequestBody AccountRequest request) {
		int version = request.version() == null ? catalog.get(id).version() : request.version();
		return AccountResponse.of(views.of(catalog.update(id, request.toDetails(), version)));
	}

	@PutMapping("/external/{system}/{externalId}")
	@PreAuthorize(AccountController.EDITORS)
	@Operation(summary = "Create or update the account with this Salesforce or HubSpot id (idempotent)")
	ResponseEntity<AccountResponse> upsert(@PathVariable String system, @PathVariable String externalId,
			@Valid @RequestBody AccountRequest request) {
		ExternalSystem crm;
		try {
			crm = ExternalSystem.fromPath(system);
		}
		catch (IllegalArgumentException unknown) {
			throw new io.kizuna.shared.NotFoundException("account.externalSystem.unknown", system);
		}
		if (!externalId.matches("[A-Za-z0-9_-]{1,64}")) {
			throw new BusinessRuleViolation("account.externalId.pattern");
		}
		var result = catalog.upsert(crm, externalId, request.toDetails());
		AccountResponse body = AccountResponse.of(views.of(result.account()));
		return result.created() ? ResponseEntity.created(URI.create("/api/v1/accounts/" + body.id())).body(body)
				: ResponseEntity.ok(body);
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Delete an account (admins only; the deletion is recorded)")
	ResponseEntity<Void> delete(@PathVariable AccountId id, @AuthenticationPrincipal SignedInUser me) {
		catalog.delete(id, me.id());
		return ResponseEntity.noContent().build();
	}
}
