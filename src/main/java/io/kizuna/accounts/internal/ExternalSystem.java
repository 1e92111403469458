package io.kizuna.accounts.internal;

/** CRMs whose record ids an account keeps, for sync and for idempotent upserts. */
enum ExternalSystem {

	SALESFORCE("salesforce_id"), HUBSPOT("hubspot_id");

	private final String column;

	ExternalSystem(String column) {
		this.column = column;
	}

	String column() {
		return column;
	}

	static ExternalSystem fromPath(String name) {
		return valueOf(name.toUpperCase());
	}
}
