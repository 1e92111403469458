package io.kizuna.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.internal.TestUsers;
import io.kizuna.support.KizunaIntegrationTest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@KizunaIntegrationTest
class SavedViewsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void aPersonSavesTheCurrentViewAndOnlyTheyCanUseOrDeleteIt() throws Exception {
		TestUsers users = new TestUsers(context);
		SignedInUser me = users.create(Role.VIEWER);
		SignedInUser colleague = users.create(Role.CSM);

		String form = mvc.perform(get("/accounts").param("stage", "ADOPTION").param("renewal", "90").param("page", "2")
			.with(user(me))).andReturn().getResponse().getContentAsString();
		String query = Jsoup.parse(form).selectFirst("details.save-view input[name=query]").attr("value");
		assertThat(query).contains("stage=ADOPTION", "renewal=90").doesNotContain("page");

		mvc.perform(post("/accounts/views").with(user(me)).with(csrf()).param("name", "更新90日以内")
			.param("query", query + "&evil=%3Cscript%3E&sort=plan&dir=desc"))
			.andExpect(redirectedUrl("/accounts?stage=ADOPTION&renewal=90&sort=plan&dir=desc"));

		Element mine = Jsoup.parse(mvc.perform(get("/accounts").with(user(me))).andReturn().getResponse()
			.getContentAsString()).selectFirst("nav.saved-views a:contains(更新90日以内)");
		assertThat(mine).isNotNull();
		assertThat(mine.attr("href")).isEqualTo("/accounts?stage=ADOPTION&renewal=90&sort=plan&dir=desc");
		String theirs = mvc.perform(get("/accounts").with(user(colleague))).andReturn().getResponse().getContentAsString();
		assertThat(theirs).doesNotContain("更新90日以内");

		String id = Jsoup.parse(mvc.perform(get("/accounts").with(user(me))).andReturn().getResponse().getContentAsString())
			.selectFirst("nav.saved-views form.inline").attr("action").replaceAll(".*/views/([^/]+)/delete", "$1");
		mvc.perform(post("/accounts/views/" + id + "/delete").with(user(colleague)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/accounts/views/" + id + "/delete").with(user(me)).with(csrf()))
			.andExpect(redirectedUrl("/accounts"));
		assertThat(mvc.perform(get("/accounts").with(user(me))).andReturn().getResponse().getContentAsString())
			.doesNotContain("更新90日以内");
		mvc.perform(post("/accounts/views").with(user(me)).with(csrf()).param("name", " ").param("query", ""))
			.andExpect(redirectedUrl("/accounts"));
	}
}
