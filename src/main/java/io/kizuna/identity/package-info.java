/**
 * Who may use Kizuna and what they may do: users, their roles, sign-in, API tokens and the
 * per-user preferences (language, time zone) that every screen honours.
 * <p>
 * Other modules see {@link io.kizuna.identity.SignedInUser}, {@link io.kizuna.identity.Role} and
 * {@link io.kizuna.identity.UserPreferences}; storage and security wiring stay in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package io.kizuna.identity;
