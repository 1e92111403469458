package io.kizuna.accounts.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the accounts a table view shows (all pages, same filters and order) as CSV. The file starts
 * with a UTF-8 byte order mark so that Excel, still the usual way such files are opened in Japan,
 * shows Japanese names correctly; the header names are the ones the import will recognise.
 */
@Service
class AccountExport {

	static final List<String> HEADER = List.of("id", "name", "domains", "industry", "employees", "size_band", "country",
			"plan", "stage", "owner_csm", "account_executive", "salesforce_id", "hubspot_id", "created_at", "updated_at");

	private final Accounts accounts;

	private final AccountViews views;

	private final CustomFields customFields;

	AccountExport(Accounts accounts, AccountViews views, CustomFields customFields) {
		this.accounts = accounts;
		this.views = views;
		this.customFields = customFields;
	}

	@Transactional(readOnly = true)
	void write(AccountQuery query, Writer out) throws IOException {
		out.write('\uFEFF');
		List<String> custom = customFields.all().stream().map(f -> AccountQuery.CUSTOM_PREFIX + f.key()).toList();
		List<String> header = new java.util.ArrayList<>(HEADER);
		header.addAll(List.of("mrr", "mrr_currency", "renewal_date"));
		header.addAll(custom);
		CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(out);
		accounts.forEachChunk(query, 1000, chunk -> {
			try {
				for (AccountView a : views.of(chunk)) {
					List<Object> record = new java.util.ArrayList<>(java.util.Arrays.asList(a.id(), a.name(),
							String.join(" ", a.domains()), a.industry(), a.employeeCount(), a.sizeBand(), a.country(),
							a.plan(), a.stage(), a.ownerCsm(), a.accountExecutive(), a.salesforceId(), a.hubspotId(),
							a.createdAt(), a.updatedAt()));
					var mrr = a.revenue().mrr();
					record.add(mrr == null ? null : mrr.amount().stripTrailingZeros().toPlainString());
					record.add(mrr == null ? null : mrr.currency().getCurrencyCode());
					record.add(a.revenue().nextRenewal());
					custom.forEach(key -> record.add(a.custom().get(key.substring(AccountQuery.CUSTOM_PREFIX.length()))));
					csv.printRecord(record);
				}
			}
			catch (IOException clientGone) {
				throw new UncheckedIOException(clientGone);
			}
		});
		csv.flush();
	}
}
