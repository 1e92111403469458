package io.kizuna.accounts.internal;

import static io.kizuna.shared.SqlTimes.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import io.kizuna.accounts.AccountId;
import io.kizuna.shared.BusinessRuleViolation;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Admin-defined account fields ({@code custom_field}) and their values ({@code account_custom_value}),
 * with the checks every way in (form, API, import) goes through.
 */
@Repository
class CustomFields {

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	CustomFields(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	List<CustomField> all() {
		return jdbc.sql("select * from custom_field order by position, field_key")
			.query((rs, n) -> new CustomField(rs.getObject("id", UUID.class), rs.getString("field_key"),
					rs.getString("label"), rs.getString("label_ja"), CustomField.Type.valueOf(rs.getString("field_type")),
					rs.getString("choices") == null ? List.of()
							: Arrays.stream(rs.getString("choices").split("\n")).map(String::strip)
								.filter(c -> !c.isEmpty()).toList(),
					rs.getInt("position")))
			.list();
	}

	Optional<CustomField> byKey(String key) {
		return all().stream().filter(f -> f.key().equals(key)).findFirst();
	}

	void create(CustomField field, Instant at) {
		jdbc.sql("insert into custom_field (id, field_key, label, label_ja, field_type, choices, position, created_at)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(field.id(), field.key(), field.label(), field.labelJa(), field.type().name(),
					field.choices().isEmpty() ? null : String.join("\n", field.choices()), field.position(), utc(at))
			.update();
	}

	void delete(UUID id) {
		jdbc.sql("delete from custom_field where id = ?").param(id).update();
	}

	/**
	 * The values in their stored form, checked against the definitions; unknown keys and values that do
	 * not fit are refused with the field's label in the message.
	 */
	Map<String, String> normalize(Map<String, String> values) {
		Map<String, CustomField> fields = new HashMap<>();
		all().forEach(f -> fields.put(f.key(), f));
		Map<String, String> normalized = new TreeMap<>();
		values.forEach((key, value) -> {
			CustomField field = fields.get(key);
			if (field == null) {
				throw new BusinessRuleViolation("customField.unknown", key);
			}
			try {
				String stored = field.normalize(value);
				if (stored != null) {
					normalized.put(key, stored);
				}
			}
			catch (IllegalArgumentException misfit) {
				throw new BusinessRuleViolation("customField.invalid", field.label(), value,
						new DefaultMessageSourceResolvable(misfit.getMessage()));
			}
		});
		return normalized;
	}

	Map<AccountId, Map<String, String>> values(List<AccountId> accounts) {
		Map<AccountId, Map<String, String>> values = new HashMap<>();
		if (accounts.isEmpty()) {
			return values;
		}
		jdbc.sql("""
				select v.account_id, f.field_key, f.field_type, v.text_value, v.number_value, v.date_value
				from account_custom_value v join custom_field f on f.id = v.field_id
				where v.account_id in (:ids)""")
			.param("ids", accounts.stream().map(AccountId::value).toList())
			.query(rs -> {
				CustomField.Type type = CustomField.Type.valueOf(rs.getString("field_type"));
				String value = switch (type) {
					case NUMBER -> rs.getBigDecimal("number_value").stripTrailingZeros().toPlainString();
					case DATE -> rs.getObject("date_value", LocalDate.class).toString();
					default -> rs.getString("text_value");
				};
				values.computeIfAbsent(new AccountId(rs.getObject("account_id", UUID.class)), k -> new TreeMap<>())
					.put(rs.getString("field_key"), value);
			});
		return values;
	}

	void save(AccountId account, Map<String, String> values) {
		saveAll(Map.of(account, values));
	}

	/** Replaces the custom values of these accounts, in batches. */
	void saveAll(Map<AccountId, Map<String, String>> values) {
		if (values.isEmpty()) {
			return;
		}
		Map<String, CustomField> fields = new LinkedHashMap<>();
		all().forEach(f -> fields.put(f.key(), f));
		List<AccountId> accounts = List.copyOf(values.keySet());
		batches.batchUpdate("delete from account_custom_value where account_id = ?", accounts, 1000,
				(ps, id) -> ps.setObject(1, id.value()));
		List<Object[]> rows = new ArrayList<>();
		values.forEach((account, byKey) -> byKey.forEach((key, value) -> {
			CustomField field = fields.get(key);
			rows.add(new Object[] { account.value(), field.id(), field.type() == CustomField.Type.NUMBER
					|| field.type() == CustomField.Type.DATE ? null : value,
					field.type() == CustomField.Type.NUMBER ? new BigDecimal(value) : null,
					field.type() == CustomField.Type.DATE ? LocalDate.parse(value) : null });
		}));
		batches.batchUpdate("insert into account_custom_value (account_id, field_id, text_value, number_value, date_value)"
				+ " values (?, ?, ?, ?, ?)", rows);
	}
}
