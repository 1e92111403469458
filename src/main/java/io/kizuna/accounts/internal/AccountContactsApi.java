package io.kizuna.accounts.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import io.kizuna.accounts.AccountId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/accounts/{account}/contacts")
@Tag(name = "Contacts", description = "People at a customer company")
class AccountContactsApi {

	private final Contacts contacts;

	private final AccountCatalog catalog;

	AccountContactsApi(Contacts contacts, AccountCatalog catalog) {
		this.contacts = contacts;
		this.catalog = catalog;
	}

	record ContactResponse(UUID id, UUID accountId, String name, String email, String phone, String title,
			ContactRole role, String language, java.time.Instant createdAt) {

		static ContactResponse of(Contact c) {
			return new ContactResponse(c.id(), c.account().value(), c.name(), c.email(), c.phone(), c.title(), c.role(),
					c.language(), c.createdAt());
		}
	}

	@GetMapping
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "The account's contacts")
	List<ContactResponse> list(@PathVariable AccountId account) {
		catalog.get(account);
		return contacts.of(account).stream().map(ContactResponse::of).toList();
	}

	@PostMapping
	@PreAuthorize(AccountController.EDITORS)
	@Operation(summary = "Add a contact to the account")
	ResponseEntity<ContactResponse> add(@PathVariable AccountId account, @Valid @RequestBody ContactForm request) {
		Contact contact = contacts.add(account, request);
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + account + "/contacts/" + contact.id()))
			.body(ContactResponse.of(contact));
	}

	@DeleteMapping("/{contact}")
	@PreAuthorize(AccountController.EDITORS)
	@Operation(summary = "Remove a contact from the account")
	ResponseEntity<Void> remove(@PathVariable AccountId account, @PathVariable UUID contact) {
		contacts.remove(account, contact);
		return ResponseEntity.noContent().build();
	}
}
