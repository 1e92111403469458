package io.kizuna.web.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.internal.TestUsers;
import io.kizuna.support.KizunaIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

/** Every API refusal is RFC 9457 problem+json with a status, a readable detail and no internals. */
@KizunaIntegrationTest
class ProblemDetailsIntegrationTests {

	static final String ADMIN = "Bearer kz_bootstrap-token-for-tests-0123456789";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void validationErrorsName400AndEveryField() throws Exception {
		problem(mvc.perform(post("/api/v1/users").header("Authorization", ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"x\",\"displayName\":\"\",\"email\":\"nope\",\"roles\":[]}")), 400)
			.andExpect(jsonPath("$.errors[*].field", hasItem("username")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("displayName")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("email")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("roles")))
			.andExpect(jsonPath("$.errors[?(@.field=='roles')].message", hasItem("Choose at least one role.")));
	}

	@Test
	void validationMessagesFollowAcceptLanguage() throws Exception {
		problem(mvc.perform(post("/api/v1/users").header("Authorization", ADMIN).header("Accept-Language", "ja")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"valid.name\",\"displayName\":\"名前\",\"roles\":[]}")), 400)
			.andExpect(jsonPath("$.title").value("不正なリクエスト"))
			.andExpect(jsonPath("$.errors[0].message").value("ロールを 1 つ以上選んでください。"));
	}

	@Test
	void aParameterThatCannotBeReadIsNamedWithWhatAGoodValueLooksLike() throws Exception {
		problem(mvc.perform(get("/api/v1/accounts?page=two").header("Authorization", ADMIN)), 400)
			.andExpect(jsonPath("$.detail").value("\u201ctwo\u201d is not a valid page: it must be a whole number."));
		problem(mvc.perform(get("/api/v1/events?from=yesterday&to=2026-11-30").header("Authorization", ADMIN)
			.header("Accept-Language", "ja")), 400)
			.andExpect(jsonPath("$.detail").value("\u300cyesterday\u300dは from として使えません。2026-11-01 のような日付を指定してください。"));
	}


	@Test
	void aFilterThatIsNotOneOfItsChoicesNamesTheChoices() throws Exception {
		problem(mvc.perform(get("/api/v1/accounts?stage=NOPE").header("Authorization", ADMIN)), 400)
			.andExpect(jsonPath("$.errors[0].field").value("stage"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("Choose one of ONBOARDING, ADOPTION, RENEWAL, EXPANSION, CHURNED."));
		problem(mvc.perform(get("/api/v1/accounts?size=HUGE").header("Authorization", ADMIN)
			.header("Accept-Language", "ja")), 400)
			.andExpect(jsonPath("$.errors[0].message").value("SMB, MID_MARKET, ENTERPRISE, UNKNOWN のいずれかを指定してください。"));
	}
	@Test
	void malformedJsonIs400() throws Exception {
		problem(mvc.perform(post("/api/v1/tokens").header("Authorization", ADMIN)
			.contentType(MediaType.APPLICATION_JSON).content("{not json")), 400);
	}

	@Test
	void missingOrWrongTokenIs401() throws Exception {
		problem(mvc.perform(get("/api/v1/me")), 401).andExpect(header().string("WWW-Authenticate",
				containsString("Bearer")));
		problem(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer kz_wrong")), 401);
	}

	@Test
	void aRoleWithoutAccessIs403() throws Exception {
		TestUsers users = new TestUsers(context);
		SignedInUser viewer = users.create(Role.VIEWER);
		problem(mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + users.tokenFor(viewer))), 403);
	}

	@Test
	void unknownThingsAre404() throws Exception {
		problem(mvc.perform(get("/api/v1/users/" + UUID.randomUUID()).header("Authorization", ADMIN)), 404)
			.andExpect(jsonPath("$.detail", containsString("There is no user")));
	}

	@Test
	void aTakenUsernameIs409() throws Exception {
		SignedInUser existing = new TestUsers(context).create(Role.VIEWER);
		problem(mvc.perform(post("/api/v1/users").header("Authorization", ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + existing.getUsername() + "\",\"displayName\":\"Dup\",\"roles\":[\"VIEWER\"]}")),
				409);
	}

	@Test
	void aBodyAboveTheLimitIs413() throws Exception {
		String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
		problem(mvc.perform(post("/api/v1/tokens").header("Authorization", ADMIN)
			.contentType(MediaType.APPLICATION_JSON).content(huge)), 413);
	}

	@Test
	void anUnsupportedContentTypeIs415() throws Exception {
		problem(mvc.perform(post("/api/v1/tokens").header("Authorization", ADMIN)
			.contentType(MediaType.APPLICATION_XML).content("<token/>")), 415);
	}

	@Test
	void aBrokenBusinessRuleIs422() throws Exception {
		SignedInUser admin = new TestUsers(context).create(Role.ADMIN);
		String token = new TestUsers(context).tokenFor(admin);
		problem(mvc.perform(post("/api/v1/users/" + admin.id() + "/deactivate").header("Authorization",
				"Bearer " + token)), 422)
			.andExpect(jsonPath("$.detail").value("You cannot deactivate yourself."));
		problem(mvc.perform(put("/api/v1/users/" + admin.id() + "/roles").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"ADMIN\",\"NOT_A_ROLE\"]}")), 400);
	}

	@Test
	void repeatedBadTokensFromOneAddressAre429WithRetryAfter() throws Exception {
		var from = (org.springframework.test.web.servlet.request.RequestPostProcessor) request -> {
			request.setRemoteAddr("192.0.2.77");
			return request;
		};
		for (int i = 0; i < 60 && statusOf(mvc.perform(get("/api/v1/me").with(from)
			.header("Authorization", "Bearer kz_guess" + i))) == 401; i++) {
			// keep guessing until the address is throttled (the test profile allows 50 failures)
		}
		problem(mvc.perform(get("/api/v1/me").with(from).header("Authorization", ADMIN)), 429)
			.andExpect(header().exists("Retry-After"));
	}

	private static int statusOf(ResultActions actions) {
		return actions.andReturn().getResponse().getStatus();
	}

	private static ResultActions problem(ResultActions actions, int status) throws Exception {
		ResultMatcher problemJson = content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		return actions.andExpect(status().is(status))
			.andExpect(problemJson)
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.title").isNotEmpty())
			.andExpect(jsonPath("$.detail").isNotEmpty())
			.andExpect(content().string(not(containsString("Exception"))))
			.andExpect(content().string(not(containsString("\tat "))));
	}
}
