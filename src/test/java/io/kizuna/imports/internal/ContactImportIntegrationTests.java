package io.kizuna.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.kizuna.support.KizunaIntegrationTest;
import io.kizuna.support.TestAccounts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

@KizunaIntegrationTest
class ContactImportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void aHubSpotContactExportJoinsJapaneseNamesAndMatchesAccountsByDomain() throws Exception {
		TestAccounts accounts = new TestAccounts(mvc, context);
		String tag = UUID.randomUUID().toString().substring(0, 6);
		String domain = "contacts-" + tag + ".co.jp";
		String account = create(accounts, "連絡先インポート" + tag, domain);
		String other = create(accounts, "Other " + tag, "other-" + tag + ".com");
		mvc.perform(post("/api/v1/accounts/" + other + "/contacts").header("Authorization", accounts.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Taken\",\"email\":\"taken-%s@example.com\",\"role\":\"ADMIN\"}".formatted(tag)))
			.andExpect(status().isCreated());

		String csv = "First Name,Last Name,Email,Job Title,Company Domain Name,Language\n"
				+ "太郎,山田,Taro.Yamada-%s@example.jp,情報システム部長,%s,日本語\n".formatted(tag, domain)
				+ "Emily,Clarke,emily-%s@example.com,CTO,%s,English\n".formatted(tag, domain)
				+ "Someone,Else,taken-%s@example.com,,%s,\n".formatted(tag, domain);
		String body = mvc.perform(multipart("/api/v1/imports")
			.file(new MockMultipartFile("file", "contacts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("kind", "contacts").header("Authorization", accounts.token()))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String job = JsonPath.read(body, "$.id");
		List<String> mapping = JsonPath.read(body, "$.suggestedMapping");
		assertThat(mapping).containsExactly("firstName", "lastName", "email", "title", "account", "language");

		String checked = mvc.perform(post("/api/v1/imports/" + job + "/check").header("Authorization", accounts.token())
			.contentType(MediaType.APPLICATION_JSON).content("{\"mapping\":" + JsonPath.parse(mapping).jsonString() + "}"))
			.andReturn().getResponse().getContentAsString();
		assertThat((Integer) JsonPath.read(checked, "$.valid")).isEqualTo(2);
		assertThat((String) JsonPath.read(checked, "$.problems[0].reason")).contains("taken-" + tag);
		mvc.perform(post("/api/v1/imports/" + job + "/run").header("Authorization", accounts.token()))
			.andExpect(status().isAccepted());
		await().atMost(Duration.ofSeconds(20)).until(() -> mvc.perform(get("/api/v1/imports/" + job)
			.header("Authorization", accounts.token())).andReturn().getResponse().getContentAsString().contains("\"DONE\""));

		String contacts = mvc.perform(get("/api/v1/accounts/" + account + "/contacts").header("Authorization", accounts.token()))
			.andReturn().getResponse().getContentAsString();
		List<String> names = JsonPath.read(contacts, "$[*].name");
		assertThat(names).containsExactlyInAnyOrder("山田 太郎", "Emily Clarke");
		assertThat(contacts).contains("taro.yamada-" + tag + "@example.jp", "\"language\":\"ja\"");
	}

	private String create(TestAccounts accounts, String name, String domain) throws Exception {
		String body = mvc.perform(post("/api/v1/accounts").header("Authorization", accounts.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"%s\",\"domains\":[\"%s\"],\"stage\":\"ADOPTION\"}".formatted(name, domain)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.id");
	}
}
