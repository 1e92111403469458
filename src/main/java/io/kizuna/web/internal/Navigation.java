package io.kizuna.web.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.kizuna.identity.Role;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The product's areas in the order the header shows them. A person sees only the areas their roles
 * open, so the navigation never leads to a refusal.
 */
@Component
class Navigation {

	static final List<Area> AREAS = List.of(
			new Area("home", "/", Role.VIEWER),
			new Area("accounts", "/accounts", Role.VIEWER),
			new Area("success", "/success", Role.CSM),
			new Area("support", "/support", Role.SUPPORT_AGENT),
			new Area("sales", "/sales", Role.SALES),
			new Area("guides", "/guides", Role.CSM),
			new Area("analytics", "/analytics", Role.VIEWER),
			new Area("admin", "/admin", Role.ADMIN));

	private final RoleHierarchy roleHierarchy;

	Navigation(RoleHierarchy roleHierarchy) {
		this.roleHierarchy = roleHierarchy;
	}

	List<Area> visibleTo(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return List.of();
		}
		Collection<? extends GrantedAuthority> reachable = roleHierarchy
			.getReachableGrantedAuthorities(authentication.getAuthorities());
		Set<String> authorities = reachable.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
		return AREAS.stream().filter(area -> authorities.contains(area.role().authority())).toList();
	}

	/** The area a path belongs to, for marking the current entry; home only for "/" itself. */
	static Area current(String path) {
		return AREAS.stream()
			.filter(area -> area.path().equals("/") ? "/".equals(path) : path.startsWith(area.path()))
			.findFirst()
			.orElse(null);
	}
}
