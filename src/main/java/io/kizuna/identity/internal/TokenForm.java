package io.kizuna.identity.internal;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new API token: a name to recognise it by and an optional lifetime in days (empty: no expiry). */
class TokenForm {

	@NotBlank
	@Size(max = 100)
	private String name;

	@Min(1)
	@Max(3650)
	private Integer expiresInDays;

	Duration validity() {
		return expiresInDays == null ? null : Duration.ofDays(expiresInDays);
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Integer getExpiresInDays() {
		return expiresInDays;
	}

	public void setExpiresInDays(Integer expiresInDays) {
		this.expiresInDays = expiresInDays;
	}
}
