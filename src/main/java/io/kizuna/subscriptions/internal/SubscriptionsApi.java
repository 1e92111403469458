package io.kizuna.subscriptions.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.kizuna.accounts.AccountId;
import io.kizuna.shared.BusinessRuleViolation;
import io.kizuna.shared.PageQuery;
import io.kizuna.shared.PageResult;
import io.kizuna.subscriptions.BillingPeriod;
import io.kizuna.subscriptions.SubscriptionId;
import io.kizuna.subscriptions.SubscriptionStatus;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
@RequestMapping("/api/v1/subscriptions")
@Tag(name = "Subscriptions", description = "Contracts of accounts, their MRR and their history")
class SubscriptionsApi {

	private final SubscriptionBook book;

	private final Subscriptions subscriptions;

	private final SubscriptionHistory history;

	private final SubscriptionViews views;

	SubscriptionsApi(SubscriptionBook book, Subscriptions subscriptions, SubscriptionHistory history,
			SubscriptionViews views) {
		this.book = book;
		this.subscriptions = subscriptions;
		this.history = history;
		this.views = views;
	}

	/**
	 * A subscription as the API writes it. {@code unitPrice} is the price of one seat for one billing
	 * period, as a decimal string or number with no more digits than the currency has (none for JPY).
	 * {@code effectiveDate} says when a change counts for MRR (default: the start date for a new
	 * subscription, today for a change); {@code version} must be sent back with an update.
	 */
	record SubscriptionRequest(@NotNull UUID accountId, @NotBlank @Size(max = 100) String product,
			@Size(max = 100) String plan, @NotNull @Min(1) @Max(10_000_000) Integer quantity,
			@NotNull @DecimalMin("0") @DecimalMax("999999999999") BigDecimal unitPrice,
			@NotNull @Pattern(regexp = "[A-Z]{3}", message = "{subscription.currency.pattern}") String currency,
			@NotNull BillingPeriod billingPeriod, @Min(24) @Max(120) Integer termMonths,
			@DecimalMin("0") @DecimalMax("100") BigDecimal discountPercent, @NotNull LocalDate startDate,
			LocalDate endDate, boolean autoRenew, @NotNull SubscriptionStatus status, LocalDate cancelledOn,
			@Size(max = 500) String cancellationReason,
			@Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "{account.externalId.pattern}") String externalId,
			LocalDate effectiveDate, Integer version) {

		SubscriptionTerms toTerms(String externalIdOverride) {
			Currency code;
			try {
				code = Currency.getInstance(currency);
			}
			catch (IllegalArgumentException unknown) {
				throw new BusinessRuleViolation("subscription.currency.unsupported", currency);
			}
			return new SubscriptionTerms(product.trim(), plan, quantity, unitPrice, code, billingPeriod,
					termMonths == null ? 0 : termMonths, discountPercent, startDate, endDate, autoRenew, status,
					cancelledOn, cancellationReason, externalIdOverride != null ? externalIdOverride : externalId);
		}
	}

	@GetMapping
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "List subscriptions, optionally of one account, by status or renewing by a date")
	PageResult<SubscriptionView> list(@RequestParam(required = false) AccountId account,
			@RequestParam(required = false) SubscriptionStatus status,
			@RequestParam(required = false) LocalDate renewalBefore, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int pageSize) {
		var result = subscriptions
			.search(new Subscriptions.Query(account, status, renewalBefore, new PageQuery(page, pageSize, null, true)));
		return new PageResult<>(result.items().stream().map(views::of).toList(), result.total(), result.page(),
				result.size());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "One subscription")
	SubscriptionView get(@PathVariable SubscriptionId id) {
		return views.of(book.get(id));
	}

	@GetMapping("/{id}/history")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Every change to a subscription, newest first: who, when, effective when, MRR before and after")
	List<SubscriptionView.ChangeView> history(@PathVariable SubscriptionId id) {
		book.get(id);
		return views.of(history.of(id));
	}

	@PostMapping
	@PreAuthorize(SubscriptionController.EDITORS)
	@Operation(summary = "Add a subscription to an account")
	ResponseEntity<SubscriptionView> create(@Valid @RequestBody SubscriptionRequest request) {
		Subscription created = book.create(new AccountId(request.accountId()), request.toTerms(null),
				request.effectiveDate());
		return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + created.id())).body(views.of(created));
	}

	@PutMapping("/{id}")
	@PreAuthorize(SubscriptionController.EDITORS)
	@Operation(summary = "Change a subscription's terms; send the version you read (409 if it changed since)")
	SubscriptionView update(@PathVariable SubscriptionId id, @Valid @RequestBody SubscriptionRequest request) {
		Subscription current = book.get(id);
		if (!current.accountId().value().equals(request.accountId())) {
			throw new BusinessRuleViolation("subscription.account.fixed");
		}
		int version = request.version() == null ? current.version() : request.version();
		return views.of(book.update(id, request.toTerms(null), version, request.effectiveDate()));
	}

	@PutMapping("/external/{externalId}")
	@PreAuthorize(SubscriptionController.EDITORS)
	@Operation(summary = "Create or update the subscription with this billing-system id (idempotent)")
	ResponseEntity<SubscriptionView> upsert(@PathVariable String externalId,
			@Valid @RequestBody SubscriptionRequest request) {
		if (!externalId.matches("[A-Za-z0-9_-]{1,64}")) {
			throw new BusinessRuleViolation("account.externalId.pattern");
		}
		var result = book.upsert(externalId, new AccountId(request.accountId()), request.toTerms(externalId));
		SubscriptionView body = views.of(result.subscription());
		return result.created() ? ResponseEntity.created(URI.create("/api/v1/subscriptions/" + body.id())).body(body)
				: ResponseEntity.ok(body);
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Delete a subscription entered by mistake (admins only; its history stays, marked deleted)")
	ResponseEntity<Void> delete(@PathVariable SubscriptionId id) {
		book.delete(id);
		return ResponseEntity.noContent().build();
	}
}
