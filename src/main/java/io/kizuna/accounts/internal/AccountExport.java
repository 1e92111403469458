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

	AccountExport(Accounts accounts, AccountViews views) {
		this.accounts = accounts;
		this.views = views;
	}

	@Transactional(readOnly = true)
	void write(AccountQuery query, Writer out) throws IOException {
		out.write('\uFEFF');
		CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new)).get().print(out);
		accounts.forEachChunk(query, 1000, chunk -> {
			try {
				for (AccountView a : views.of(chunk)) {
					csv.printRecord(a.id(), a.name(), String.join(" ", a.domains()), a.industry(), a.employeeCount(),
							a.sizeBand(), a.country(), a.plan(), a.stage(), a.ownerCsm(), a.accountExecutive(),
							a.salesforceId(), a.hubspotId(), a.createdAt(), a.updatedAt());
				}
			}
			catch (IOException clientGone) {
				throw new UncheckedIOException(clientGone);
			}
		});
		csv.flush();
	}
}
