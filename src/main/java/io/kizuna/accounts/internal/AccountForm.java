package io.kizuna.accounts.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.kizuna.accounts.LifecycleStage;
import io.kizuna.identity.UserId;

/** The account create/edit form; domains are typed as one comma- or space-separated field. */
class AccountForm {

	@NotBlank
	@Size(max = 200)
	private String name;

	@Size(max = 1000)
	private String domains;

	@Size(max = 100)
	private String industry;

	@PositiveOrZero
	@Max(10_000_000)
	private Integer employeeCount;

	private String country;

	@Size(max = 100)
	private String plan;

	@NotNull
	private LifecycleStage stage = LifecycleStage.ONBOARDING;

	private UUID ownerCsm;

	private UUID accountExecutive;

	@Pattern(regexp = AccountRules.EXTERNAL_ID, message = "{account.externalId.pattern}")
	private String salesforceId;

	@Pattern(regexp = AccountRules.EXTERNAL_ID, message = "{account.externalId.pattern}")
	private String hubspotId;

	private int version;

	/** Values of the admin-defined fields by key, bound from {@code custom[key]} inputs. */
	private Map<String, String> custom = new LinkedHashMap<>();

	static AccountForm of(Account account) {
		AccountDetails d = account.details();
		AccountForm form = new AccountForm();
		form.name = d.name();
		form.domains = String.join(", ", d.domains());
		form.industry = d.industry();
		form.employeeCount = d.employeeCount();
		form.country = d.country();
		form.plan = d.plan();
		form.stage = d.stage();
		form.ownerCsm = d.ownerCsm() == null ? null : d.ownerCsm().value();
		form.accountExecutive = d.accountExecutive() == null ? null : d.accountExecutive().value();
		form.salesforceId = d.salesforceId();
		form.hubspotId = d.hubspotId();
		form.version = account.version();
		form.custom = new LinkedHashMap<>(d.custom());
		return form;
	}

	AccountDetails toDetails() {
		return new AccountDetails(name, AccountRules.splitDomains(domains), industry, employeeCount, country, plan, stage,
				ownerCsm == null ? null : new UserId(ownerCsm),
				accountExecutive == null ? null : new UserId(accountExecutive), salesforceId, hubspotId,
				blankless(custom));
	}

	private static Map<String, String> blankless(Map<String, String> values) {
		Map<String, String> kept = new LinkedHashMap<>();
		values.forEach((key, value) -> {
			if (value != null && !value.isBlank()) {
				kept.put(key, value);
			}
		});
		return kept;
	}

	public Map<String, String> getCustom() { return custom; }
	public void setCustom(Map<String, String> custom) { this.custom = custom; }

	public String getName() { return name; }
	public void setName(String name) { this.name = name; }
	public String getDomains() { return domains; }
	public void setDomains(String domains) { this.domains = domains; }
	public String getIndustry() { return industry; }
	public void setIndustry(String industry) { this.industry = industry; }
	public Integer getEmployeeCount() { return employeeCount; }
	public void setEmployeeCount(Integer employeeCount) { this.employeeCount = employeeCount; }
	public String getCountry() { return country; }
	public void setCountry(String country) { this.country = country; }
	public String getPlan() { return plan; }
	public void setPlan(String plan) { this.plan = plan; }
	public LifecycleStage getStage() { return stage; }
	public void setStage(LifecycleStage stage) { this.stage = stage; }
	public UUID getOwnerCsm() { return ownerCsm; }
	public void setOwnerCsm(UUID ownerCsm) { this.ownerCsm = ownerCsm; }
	public UUID getAccountExecutive() { return accountExecutive; }
	public void setAccountExecutive(UUID accountExecutive) { this.accountExecutive = accountExecutive; }
	public String getSalesforceId() { return salesforceId; }
	public void setSalesforceId(String salesforceId) { this.salesforceId = salesforceId; }
	public String getHubspotId() { return hubspotId; }
	public void setHubspotId(String hubspotId) { this.hubspotId = hubspotId; }
	public int getVersion() { return version; }
	public void setVersion(int version) { this.version = version; }
}
