package io.kizuna.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads a person for the sign-in form. Invited people without a password cannot sign in yet. */
@Component
class KizunaUserDetailsService implements UserDetailsService {

	private final Users users;

	KizunaUserDetailsService(Users users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return users.findByUsername(username)
			.filter(user -> user.passwordHash() != null)
			.map(User::toSignedInUser)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}
}
