package io.kizuna.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.internal.TestUsers;
import io.kizuna.support.KizunaIntegrationTest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The import journey as a CSM walks it: a Salesforce export from Excel in Japan (Shift_JIS, Japanese
 * headers and names) with a bad number and a duplicate id, then the fixed file, then the same file
 * again, which changes nothing.
 */
@KizunaIntegrationTest
class AccountImportIntegrationTests {

	private static final Charset SHIFT_JIS = Charset.forName("windows-31j");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	private SignedInUser csm;

	private String tag;

	@BeforeEach
	void setUp() {
		csm = new TestUsers(context).create(Role.CSM);
		tag = UUID.randomUUID().toString().substring(0, 6);
	}

	private String salesforceExport(boolean fixed) {
		String header = "取引先 ID,取引先名,Web サイト,業種,従業員数,請求先国,ライフサイクルステージ,メモ\r\n";
		String first = "001A%s01,株式会社インポート一%s,https://www.one-%s.co.jp/,製造,\"1,200\",日本,活用,x\r\n".formatted(tag, tag, tag);
		String second = "001A%s02,株式会社インポート二%s,two-%s.jp,IT,%s,Japan,,y\r\n".formatted(tag, tag, tag,
				fixed ? "85" : "八十五");
		String duplicate = "001A%s01,重複株式会社%s,dup-%s.jp,,,,,z\r\n".formatted(tag, tag, tag);
		return header + first + second + (fixed ? "" : duplicate);
	}

	private UUID upload(byte[] content) throws Exception {
		String location = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "取引先.csv", "text/csv", content))
			.param("kind", "accounts").with(user(csm)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	private Document page(UUID job) throws Exception {
		return Jsoup.parse(mvc.perform(get("/imports/" + job).with(user(csm)).header("Accept-Language", "ja"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private List<String> chosenMapping(Document page) {
		return page.select("select[name=mapping]").stream()
			.map(select -> select.select("option[selected]").attr("value"))
			.toList();
	}

	private void checkAndRun(UUID job, List<String> mapping) throws Exception {
		var check = post("/imports/" + job + "/mapping").with(user(csm)).with(csrf());
		mapping.forEach(field -> check.param("mapping", field));
		mvc.perform(check).andExpect(status().is3xxRedirection());
		mvc.perform(post("/imports/" + job + "/run").with(user(csm)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		await().atMost(Duration.ofSeconds(20)).until(() -> List.of("DONE", "FAILED").contains(jdbc
			.sql("select status from import_job where id = ?").param(job).query(String.class).single()));
	}

	@Test
	void aSalesforceExportFromExcelIsMappedCheckedFixedAndImportedOnce() throws Exception {
		UUID job = upload(salesforceExport(false).getBytes(SHIFT_JIS));
		Document mapping = page(job);
		assertThat(mapping.text()).contains("3 行", "Shift_JIS", "株式会社インポート一" + tag);
		List<String> suggested = chosenMapping(mapping);
		assertThat(suggested).containsExactly("salesforceId", "name", "domains", "industry", "employeeCount", "country",
				"stage", "");

		checkAndRun(job, suggested);
		Document report = page(job);
		assertThat(report.select("#check table.problems tbody tr")).hasSize(2);
		assertThat(report.select("#check table.problems tbody tr").get(0).text()).contains("3", "八十五", "整数ではありません");
		assertThat(report.select("#check table.problems tbody tr").get(1).text()).contains("4", "2 行目");
		assertThat(report.select("#status").text()).contains("新規 1 件", "エラー 2 行");
		assertThat(accountsTagged()).isEqualTo(1);
		assertThat(jdbc.sql("select employee_count from account where salesforce_id = ?").param("001A" + tag + "01")
			.query(Integer.class).single()).isEqualTo(1200);
		assertThat(jdbc.sql("select country from account where salesforce_id = ?").param("001A" + tag + "01")
			.query(String.class).single()).isEqualTo("JP");
		String rejected = mvc.perform(get("/imports/" + job + "/rejected.csv").with(user(csm)))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(rejected).contains("Line,Reason", "3,", "4,");

		UUID fixed = upload(salesforceExport(true).getBytes(SHIFT_JIS));
		assertThat(chosenMapping(page(fixed))).as("the mapping is remembered").isEqualTo(suggested);
		checkAndRun(fixed, suggested);
		assertThat(page(fixed).select("#status").text()).contains("新規 1 件", "更新 0 件", "変更なし 1 件");
		assertThat(accountsTagged()).isEqualTo(2);

		UUID again = upload(("\uFEFF" + salesforceExport(true)).getBytes(StandardCharsets.UTF_8));
		assertThat(page(again).text()).contains("UTF-8 (BOM)");
		checkAndRun(again, suggested);
		assertThat(page(again).select("#status").text()).contains("新規 0 件", "更新 0 件", "変更なし 2 件");
		assertThat(accountsTagged()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from account_change c join account a on a.id = c.account_id"
				+ " where a.salesforce_id like ?").param("001A" + tag + "%").query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aHubSpotExportUpdatesTheAccountWithTheSameDomainAndKeepsUnmappedFields() throws Exception {
		String domain = "hub-" + tag + ".com";
		jdbc.sql("insert into account (id, name, plan, lifecycle_stage, created_at, updated_at, version)"
				+ " values (?, ?, 'Enterprise', 'ADOPTION', current_timestamp, current_timestamp, 1)")
			.params(UUID.randomUUID(), "Old name " + tag).update();
		UUID existing = jdbc.sql("select id from account where name = ?").param("Old name " + tag).query(UUID.class).single();
		jdbc.sql("insert into account_domain (domain, account_id) values (?, ?)").params(domain, existing).update();

		String csv = "Record ID,Company name,Company Domain Name,Number of Employees,Country/Region\n"
				+ "9%s,New name %s,%s,250,United States\n".formatted(tag.hashCode() & 0xffff, tag, domain);
		UUID job = upload(csv.getBytes(StandardCharsets.UTF_8));
		List<String> suggested = chosenMapping(page(job));
		assertThat(suggested).containsExactly("hubspotId", "name", "domains", "employeeCount", "country");
		checkAndRun(job, suggested);

		var row = jdbc.sql("select name, plan, country, employee_count, lifecycle_stage from account where id = ?")
			.param(existing).query().singleRow();
		assertThat(row.get("name")).isEqualTo("New name " + tag);
		assertThat(row.get("plan")).as("not in the file, kept").isEqualTo("Enterprise");
		assertThat(row.get("lifecycle_stage")).isEqualTo("ADOPTION");
		assertThat(row.get("country")).isEqualTo("US");
		assertThat(((Number) row.get("employee_count")).intValue()).isEqualTo(250);
	}

	@Test
	void aMappingWithoutTheRequiredNameIsExplainedAndNothingIsChecked() throws Exception {
		UUID job = upload("Website,Industry\nexample-%s.jp,IT\n".formatted(tag).getBytes(StandardCharsets.UTF_8));
		String page = mvc.perform(post("/imports/" + job + "/mapping").with(user(csm)).with(csrf())
			.header("Accept-Language", "ja").param("mapping", "domains").param("mapping", "industry"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("会社名 の列を選んでください");
		mvc.perform(post("/imports/" + job + "/run").with(user(csm)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select status from import_job where id = ?").param(job).query(String.class).single())
			.isEqualTo("UPLOADED");
		mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "empty.csv", "text/csv", "Name\n".getBytes()))
			.param("kind", "accounts").with(user(csm)).with(csrf()).header("Accept-Language", "ja"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("データ行がありません")));
	}

	private long accountsTagged() {
		return jdbc.sql("select count(*) from account where name like ?").param("%" + tag).query(Long.class).single();
	}
}
