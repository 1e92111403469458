package io.kizuna.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import io.kizuna.identity.Role;
import io.kizuna.identity.internal.TestUsers;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** Creates accounts through the public API, as a CSM with a token, for tests of other modules. */
public class TestAccounts {

	private final MockMvc mvc;

	private final String token;

	public TestAccounts(MockMvc mvc, ApplicationContext context) {
		this.mvc = mvc;
		TestUsers users = new TestUsers(context);
		this.token = "Bearer " + users.tokenFor(users.create(Role.CSM));
	}

	/** The bearer header of the CSM that creates the accounts. */
	public String token() {
		return token;
	}

	public String create(String name) throws Exception {
		String body = mvc.perform(post("/api/v1/accounts").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + name + "\",\"stage\":\"ONBOARDING\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	public String create() throws Exception {
		return create("Test account " + UUID.randomUUID().toString().substring(0, 8));
	}
}
