package io.kizuna.identity.internal;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;

import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.UserId;
import io.kizuna.shared.PageQuery;
import io.kizuna.shared.PageResult;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Users", description = "People who sign in to Kizuna")
class UsersApi {

	private final UserManagement management;

	private final Users users;

	UsersApi(UserManagement management, Users users) {
		this.management = management;
		this.users = users;
	}

	record UserResponse(UUID id, String username, String displayName, String email, Set<Role> roles,
			String status, String language, String timeZone, Instant createdAt, Instant lastLoginAt) {

		static UserResponse of(User user) {
			return new UserResponse(user.id().value(), user.username(), user.displayName(), user.email(),
					user.roles(), user.status().name(), user.language(), user.timeZone(), user.createdAt(),
					user.lastLoginAt());
		}
	}

	record CreatedUserResponse(UserResponse user, String invitationToken) {
	}

	record RolesRequest(@NotEmpty(message = "{user.roles.required}") Set<Role> roles) {
	}

	@GetMapping("/api/v1/me")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "The user behind the API token")
	UserResponse me(@AuthenticationPrincipal SignedInUser me) {
		return UserResponse.of(management.get(me.id()));
	}

	@GetMapping("/api/v1/users")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "List users, filtered, sorted and paged")
	PageResult<UserResponse> list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
			@RequestParam(required = false) User.Status status, @RequestParam(defaultValue = "username") String sort,
			@RequestParam(defaultValue = "asc") String dir, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		var query = new UserQuery(q, role, status, new PageQuery(page, size, sort, !"desc".equals(dir)));
		return users.search(query).map(UserResponse::of);
	}

	@GetMapping("/api/v1/users/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "One user")
	UserResponse get(@PathVariable UserId id) {
		return UserResponse.of(management.get(id));
	}

	@PostMapping("/api/v1/users")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Add a user; without a password the answer carries an invitation token")
	ResponseEntity<CreatedUserResponse> create(@Valid @RequestBody UserForm request) {
		UserManagement.CreatedUser created = management.create(request.toNewUser());
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.user().id()))
			.body(new CreatedUserResponse(UserResponse.of(created.user()), created.invitationToken()));
	}

	@PutMapping("/api/v1/users/{id}/roles")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Replace a user's roles")
	UserResponse changeRoles(@PathVariable UserId id, @Valid @RequestBody RolesRequest request) {
		return UserResponse.of(management.changeRoles(id, request.roles()));
	}

	@PostMapping("/api/v1/users/{id}/deactivate")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Deactivate a user: they can no longer sign in and their tokens stop working")
	UserResponse deactivate(@PathVariable UserId id, @AuthenticationPrincipal SignedInUser me) {
		return UserResponse.of(management.deactivate(id, me.id()));
	}

	@PostMapping("/api/v1/users/{id}/activate")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Reactivate a deactivated user")
	UserResponse activate(@PathVariable UserId id) {
		return UserResponse.of(management.reactivate(id));
	}
}
