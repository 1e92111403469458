package io.kizuna.identity.internal;

import java.util.Set;

import io.kizuna.identity.Role;

/** What an admin fills in to add a person; without a password the person is invited instead. */
record NewUser(String username, String displayName, String email, String password, Set<Role> roles) {
}
