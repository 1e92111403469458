package io.kizuna.usage;

import java.util.Set;

import io.kizuna.accounts.AccountId;

/** The usage rollups of these accounts changed (one batch of the usage feed, or a group newly mapped). */
public record UsageRolledUp(Set<AccountId> accounts) {
}
