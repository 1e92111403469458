package io.kizuna.subscriptions.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.kizuna.subscriptions.BillingPeriod;
import io.kizuna.subscriptions.SubscriptionStatus;

import org.springframework.format.annotation.DateTimeFormat;

/** The subscription form. The effective date says when a change counts for MRR (today unless told). */
public class SubscriptionForm {

	@NotBlank
	@Size(max = 100)
	private String product;

	@Size(max = 100)
	private String plan;

	@NotNull
	@Min(1)
	@Max(10_000_000)
	private Integer quantity = 1;

	@NotNull
	@DecimalMin("0")
	@DecimalMax("999999999999")
	private BigDecimal unitPrice;

	@NotBlank
	private String currency;

	@NotNull
	private BillingPeriod period = BillingPeriod.MONTHLY;

	@Min(24)
	@Max(120)
	private Integer termMonths;

	@DecimalMin("0")
	@DecimalMax("100")
	private BigDecimal discountPercent;

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate startDate;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate endDate;

	private boolean autoRenew;

	@NotNull
	private SubscriptionStatus status = SubscriptionStatus.ACTIVE;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate cancelledOn;

	@Size(max = 500)
	private String cancellationReason;

	@Pattern(regexp = "[A-Za-z0-9_-]{0,64}", message = "{account.externalId.pattern}")
	private String externalId;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate effectiveDate;

	private int version;

	static SubscriptionForm of(Subscription s) {
		SubscriptionTerms t = s.terms();
		SubscriptionForm form = new SubscriptionForm();
		form.product = t.product();
		form.plan = t.plan();
		form.quantity = t.quantity();
		form.unitPrice = t.unitPrice().stripTrailingZeros();
		form.currency = t.currency().getCurrencyCode();
		form.period = t.period();
		form.termMonths = t.period() == BillingPeriod.MULTI_YEAR ? t.termMonths() : null;
		form.discountPercent = t.discountPercent().signum() == 0 ? null : t.discountPercent().stripTrailingZeros();
		form.startDate = t.startDate();
		form.endDate = t.endDate();
		form.autoRenew = t.autoRenew();
		form.status = t.status();
		form.cancelledOn = t.cancelledOn();
		form.cancellationReason = t.cancellationReason();
		form.externalId = t.externalId();
		form.version = s.version();
		return form;
	}

	SubscriptionTerms toTerms() {
		return new SubscriptionTerms(product.trim(), blankToNull(plan), quantity, unitPrice,
				Currency.getInstance(currency), period, termMonths == null ? 0 : termMonths, discountPercent, startDate,
				endDate, autoRenew, status, cancelledOn, blankToNull(cancellationReason), blankToNull(externalId));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	public String getProduct() { return product; }
	public void setProduct(String product) { this.product = product; }
	public String getPlan() { return plan; }
	public void setPlan(String plan) { this.plan = plan; }
	public Integer getQuantity() { return quantity; }
	public void setQuantity(Integer quantity) { this.quantity = quantity; }
	public BigDecimal getUnitPrice() { return unitPrice; }
	public void setUnitPrice(BigDecimal unitPrice) { this.unitPrice = unitPrice; }
	public String getCurrency() { return currency; }
	public void setCurrency(String currency) { this.currency = currency; }
	public BillingPeriod getPeriod() { return period; }
	public void setPeriod(BillingPeriod period) { this.period = period; }
	public Integer getTermMonths() { return termMonths; }
	public void setTermMonths(Integer termMonths) { this.termMonths = termMonths; }
	public BigDecimal getDiscountPercent() { return discountPercent; }
	public void setDiscountPercent(BigDecimal discountPercent) { this.discountPercent = discountPercent; }
	public LocalDate getStartDate() { return startDate; }
	public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
	public LocalDate getEndDate() { return endDate; }
	public void setEndDate(LocalDate endDate) { this.endDate = endDate; }
	public boolean isAutoRenew() { return autoRenew; }
	public void setAutoRenew(boolean autoRenew) { this.autoRenew = autoRenew; }
	public SubscriptionStatus getStatus() { return status; }
	public void setStatus(SubscriptionStatus status) { this.status = status; }
	public LocalDate getCancelledOn() { return cancelledOn; }
	public void setCancelledOn(LocalDate cancelledOn) { this.cancelledOn = cancelledOn; }
	public String getCancellationReason() { return cancellationReason; }
	public void setCancellationReason(String cancellationReason) { this.cancellationReason = cancellationReason; }
	public String getExternalId() { return externalId; }
	public void setExternalId(String externalId) { this.externalId = externalId; }
	public LocalDate getEffectiveDate() { return effectiveDate; }
	public void setEffectiveDate(LocalDate effectiveDate) { this.effectiveDate = effectiveDate; }
	public int getVersion() { return version; }
	public void setVersion(int version) { this.version = version; }
}
