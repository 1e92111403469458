package io.kizuna.accounts.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The "add a contact" form on the account page, and the API request for one. */
class ContactForm {

	@NotBlank
	@Size(max = 200)
	private String name;

	@Email
	@Size(max = 320)
	private String email;

	@Pattern(regexp = "^$|[0-9+()\\- ]{3,50}", message = "{contact.phone.pattern}")
	private String phone;

	@Size(max = 200)
	private String title;

	@NotNull
	private ContactRole role = ContactRole.END_USER;

	@Pattern(regexp = "^$|en|ja", message = "{contact.language.pattern}")
	private String language;

	public String getName() { return name; }
	public void setName(String name) { this.name = name; }
	public String getEmail() { return email; }
	public void setEmail(String email) { this.email = email; }
	public String getPhone() { return phone; }
	public void setPhone(String phone) { this.phone = phone; }
	public String getTitle() { return title; }
	public void setTitle(String title) { this.title = title; }
	public ContactRole getRole() { return role; }
	public void setRole(ContactRole role) { this.role = role; }
	public String getLanguage() { return language; }
	public void setLanguage(String language) { this.language = language; }
}
