package io.kizuna.accounts.internal;

import static io.kizuna.shared.SqlTimes.instant;
import static io.kizuna.shared.SqlTimes.utc;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.kizuna.accounts.AccountId;
import io.kizuna.shared.ConflictException;
import io.kizuna.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people at each customer. An e-mail address identifies one person, so it can belong to one
 * contact only (and so to one account).
 */
@Service
@Transactional
class Contacts {

	private final JdbcClient jdbc;

	private final AccountCatalog catalog;

	private final Clock clock;

	Contacts(JdbcClient jdbc, AccountCatalog catalog, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.clock = clock;
	}

	Contact add(AccountId account, ContactForm form) {
		catalog.get(account);
		String email = form.getEmail() == null || form.getEmail().isBlank() ? null
				: form.getEmail().trim().toLowerCase(Locale.ROOT);
		if (email != null && jdbc.sql("select count(*) from contact where email = ?").param(email).query(Long.class)
			.single() > 0) {
			throw new ConflictException("contact.email.taken", email);
		}
		Contact contact = new Contact(UUID.randomUUID(), account, form.getName().trim(), email, blank(form.getPhone()),
				blank(form.getTitle()), form.getRole(), blank(form.getLanguage()), clock.instant());
		jdbc.sql("""
				insert into contact (id, account_id, name, email, phone, title, role, language, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(contact.id(), account.value(), contact.name(), contact.email(), contact.phone(), contact.title(),
					contact.role().name(), contact.language(), utc(contact.createdAt()))
			.update();
		return contact;
	}

	@Transactional(readOnly = true)
	List<Contact> of(AccountId account) {
		return jdbc.sql("select * from contact where account_id = ? order by name")
			.param(account.value())
			.query((rs, n) -> new Contact(rs.getObject("id", UUID.class), account, rs.getString("name"),
					rs.getString("email"), rs.getString("phone"), rs.getString("title"),
					ContactRole.valueOf(rs.getString("role")), rs.getString("language"), instant(rs, "created_at")))
			.list();
	}

	void remove(AccountId account, UUID contact) {
		int removed = jdbc.sql("delete from contact where id = ? and account_id = ?")
			.params(contact, account.value())
			.update();
		if (removed == 0) {
			throw new NotFoundException("contact.notFound", contact);
		}
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
