package io.kizuna.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sign-in and first start ({@code kizuna.identity.*}).
 *
 * @param adminPassword password of the first user {@code admin}; random and logged once when empty
 * @param bootstrapApiToken an ADMIN API token to register on first start, for automated deployments
 * @param maxFailedLogins failed sign-ins per username within {@code lockout} before it is throttled
 * @param maxFailuresPerAddress failed sign-ins or bad API tokens per client address within {@code lockout}
 * @param lockout how long failures are remembered and how long a throttled caller waits
 */
@ConfigurationProperties("kizuna.identity")
record IdentityProperties(String adminPassword, String bootstrapApiToken,
		@DefaultValue("5") int maxFailedLogins, @DefaultValue("30") int maxFailuresPerAddress,
		@DefaultValue("15m") Duration lockout) {
}
