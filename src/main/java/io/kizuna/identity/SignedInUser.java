package io.kizuna.identity;

import java.io.Serial;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/**
 * The person behind a request, whether they signed in with a password (a session) or sent an API
 * token: controllers take it with {@code @AuthenticationPrincipal SignedInUser user} either way.
 */
public final class SignedInUser implements UserDetails, OAuth2AuthenticatedPrincipal, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final UserId id;

	private final String username;

	private final String displayName;

	private String passwordHash;

	private final Set<Role> roles;

	private final boolean active;

	private final Locale language;

	private final ZoneId timeZone;

	public SignedInUser(UserId id, String username, String displayName, String passwordHash, Set<Role> roles,
			boolean active, Locale language, ZoneId timeZone) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.roles = Set.copyOf(roles);
		this.active = active;
		this.language = language;
		this.timeZone = timeZone;
	}

	public UserId id() {
		return id;
	}

	public String displayName() {
		return displayName;
	}

	public Set<Role> roles() {
		return roles;
	}

	/** The language the user chose, or null to follow the browser. */
	public Locale language() {
		return language;
	}

	/** The time zone the user chose, or null when none was recorded yet. */
	public ZoneId timeZone() {
		return timeZone;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public String getName() {
		return username;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return Map.of("sub", id.toString(), "username", username);
	}

	@Override
	public boolean isEnabled() {
		return active;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	/** Equal by id, so that the session registry finds every session of one person. */
	@Override
	public boolean equals(Object other) {
		return other instanceof SignedInUser that && id.equals(that.id);
	}

	@Override
	public int hashCode() {
		return Objects.hash(id);
	}

	@Override
	public String toString() {
		return "SignedInUser[" + username + "]";
	}
}
