package io.kizuna.identity.internal;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.kizuna.identity.Role;

/**
 * The "add a person" form and API request. An empty password means: invite them, so they choose
 * their own through a one-time link.
 */
class UserForm {

	@NotBlank
	@Pattern(regexp = "[a-zA-Z0-9._-]{3,64}", message = "{user.username.pattern}")
	private String username;

	@NotBlank
	@Size(max = 200)
	private String displayName;

	@Email
	@Size(max = 320)
	private String email;

	@Size(max = PasswordPolicy.MAX_LENGTH)
	@Pattern(regexp = "^$|.{" + PasswordPolicy.MIN_LENGTH + ",}", message = "{password.tooShort}")
	private String password;

	@NotEmpty(message = "{user.roles.required}")
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	NewUser toNewUser() {
		return new NewUser(username, displayName, email, password, roles);
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public Set<Role> getRoles() {
		return roles;
	}

	public void setRoles(Set<Role> roles) {
		this.roles = roles;
	}
}
