package io.kizuna.accounts;

/** Where a customer is in its life with the product: 導入支援 → 活用 → 更新 → 拡大, or gone. */
public enum LifecycleStage {

	ONBOARDING, ADOPTION, RENEWAL, EXPANSION, CHURNED;

	public String labelKey() {
		return "account.stage." + name();
	}
}
