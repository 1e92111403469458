package io.kizuna.usage.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.internal.TestUsers;
import io.kizuna.support.KizunaIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** An admin connects a product: creates a source on the page, copies its key once, rotates and revokes it. */
@KizunaIntegrationTest
class SourcePagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	SourceAdmin sources;

	@Test
	void anAdminCreatesASourceAndSeesItsWriteKeyOnce() throws Exception {
		SignedInUser admin = new TestUsers(context).create(Role.ADMIN);
		String name = "製品 Web " + UUID.randomUUID().toString().substring(0, 6);

		MvcResult created = mvc.perform(post("/admin/sources").with(user(admin)).with(csrf())
			.param("name", name).param("kind", "WEB"))
			.andExpect(redirectedUrl("/admin/sources"))
			.andReturn();
		SourceAdmin.Keyed keyed = (SourceAdmin.Keyed) created.getFlashMap().get("newKey");
		mvc.perform(get("/admin/sources").with(user(admin)).header("Accept-Language", "ja")
			.flashAttrs(created.getFlashMap()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(keyed.writeKey())))
			.andExpect(content().string(containsString("今すぐコピーしてください")))
			.andExpect(content().string(containsString("apiHost: &#39;localhost/v1&#39;")));
		mvc.perform(get("/admin/sources").with(user(admin)))
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString(keyed.writeKey().substring(0, 8) + "…")))
			.andExpect(content().string(not(containsString(keyed.writeKey()))));
		org.assertj.core.api.Assertions.assertThat(sources.authenticate(keyed.writeKey())).isPresent();

		mvc.perform(post("/admin/sources/" + keyed.source().id() + "/revoke").with(user(admin)).with(csrf()))
			.andExpect(redirectedUrl("/admin/sources"));
		org.assertj.core.api.Assertions.assertThat(sources.authenticate(keyed.writeKey())).isEmpty();
	}

	@Test
	void aSourceNeedsAName() throws Exception {
		SignedInUser admin = new TestUsers(context).create(Role.ADMIN);

		mvc.perform(post("/admin/sources").with(user(admin)).with(csrf()).param("name", " ").param("kind", "SERVER")
			.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
	}
}
