package io.kizuna.accounts.internal;

/** What a person does for their company's relationship with the product. */
public enum ContactRole {

	CHAMPION, DECISION_MAKER, ADMIN, END_USER;

	public String labelKey() {
		return "contact.role." + name();
	}
}
