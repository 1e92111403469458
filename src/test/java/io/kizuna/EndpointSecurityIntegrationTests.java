package io.kizuna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.internal.TestUsers;
import io.kizuna.support.KizunaIntegrationTest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint declares the lowest role it needs, and every role below that is refused: 403 for a
 * signed-in person or token without the role, a sign-in redirect (pages) or 401 (API) for nobody.
 * The table below must name every endpoint the application has, so a new endpoint cannot slip in
 * unchecked.
 */
@KizunaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointSecurityIntegrationTests {

	private static final String ID = UUID.randomUUID().toString();

	/** No roles: public. Several roles: any one of them (with the roles that include it) may call. */
	record Endpoint(HttpMethod method, String path, Role... lowest) {

		boolean open() {
			return lowest.length == 0;
		}

		boolean allows(Role held) {
			return java.util.Arrays.stream(lowest).anyMatch(needed -> includes(held, needed));
		}

		boolean api() {
			return path.startsWith("/api/") || path.startsWith("/actuator/");
		}

		@Override
		public String toString() {
			return method + " " + path;
		}
	}

	static final List<Endpoint> ENDPOINTS = List.of(
			page(HttpMethod.GET, "/", Role.VIEWER),
			page(HttpMethod.GET, "/accounts", Role.VIEWER),
			page(HttpMethod.GET, "/accounts/" + ID, Role.VIEWER),
			page(HttpMethod.GET, "/accounts/export.csv", Role.VIEWER),
			page(HttpMethod.GET, "/accounts/new", Role.CSM, Role.SALES),
			page(HttpMethod.POST, "/accounts", Role.CSM, Role.SALES),
			page(HttpMethod.GET, "/accounts/" + ID + "/edit", Role.CSM, Role.SALES),
			page(HttpMethod.POST, "/accounts/" + ID, Role.CSM, Role.SALES),
			page(HttpMethod.POST, "/accounts/" + ID + "/delete", Role.ADMIN),
			page(HttpMethod.POST, "/accounts/" + ID + "/contacts", Role.CSM, Role.SALES),
			page(HttpMethod.POST, "/accounts/" + ID + "/contacts/" + ID + "/delete", Role.CSM, Role.SALES),
			page(HttpMethod.GET, "/api/v1/accounts/" + ID + "/contacts", Role.VIEWER),
			page(HttpMethod.POST, "/api/v1/accounts/" + ID + "/contacts", Role.CSM, Role.SALES),
			page(HttpMethod.DELETE, "/api/v1/accounts/" + ID + "/contacts/" + ID, Role.CSM, Role.SALES),
			page(HttpMethod.GET, "/api/v1/accounts", Role.VIEWER),
			page(HttpMethod.GET, "/api/v1/accounts/" + ID, Role.VIEWER),
			page(HttpMethod.POST, "/api/v1/accounts", Role.CSM, Role.SALES),
			page(HttpMethod.PUT, "/api/v1/accounts/" + ID, Role.CSM, Role.SALES),
			page(HttpMethod.PUT, "/api/v1/accounts/external/salesforce/0015g00000ABC", Role.CSM, Role.SALES),
			page(HttpMethod.DELETE, "/api/v1/accounts/" + ID, Role.ADMIN),
			page(HttpMethod.GET, "/accounts/" + ID + "/subscriptions", Role.VIEWER),
			page(HttpMethod.GET, "/accounts/" + ID + "/subscriptions/new", Role.CSM, Role.SALES),
			page(HttpMethod.POST, "/accounts/" + ID + "/subscriptions", Role.CSM, Role.SALES),
			page(HttpMethod.GET, "/subscriptions/" + ID + "/edit", Role.CSM, Role.SALES),
			page(HttpMethod.POST, "/subscriptions/" + ID, Role.CSM, Role.SALES),
			page(HttpMethod.POST, "/subscriptions/" + ID + "/delete", Role.ADMIN),
			page(HttpMethod.GET, "/api/v1/subscriptions", Role.VIEWER),
			page(HttpMethod.GET, "/api/v1/subscriptions/" + ID, Role.VIEWER),
			page(HttpMethod.GET, "/api/v1/subscriptions/" + ID + "/history", Role.VIEWER),
			page(HttpMethod.POST, "/api/v1/subscriptions", Role.CSM, Role.SALES),
			page(HttpMethod.PUT, "/api/v1/subscriptions/" + ID, Role.CSM, Role.SALES),
			page(HttpMethod.PUT, "/api/v1/subscriptions/external/sub_123", Role.CSM, Role.SALES),
			page(HttpMethod.DELETE, "/api/v1/subscriptions/" + ID, Role.ADMIN),
			page(HttpMethod.GET, "/accounts/" + ID + "/activities", Role.VIEWER),
			page(HttpMethod.POST, "/accounts/" + ID + "/activities", Role.VIEWER),
			page(HttpMethod.POST, "/activities/" + ID + "/delete", Role.VIEWER),
			page(HttpMethod.GET, "/api/v1/activities", Role.VIEWER),
			page(HttpMethod.GET, "/api/v1/activities/" + ID, Role.VIEWER),
			page(HttpMethod.POST, "/api/v1/activities", Role.VIEWER),
			page(HttpMethod.PUT, "/api/v1/activities/" + ID, Role.VIEWER),
			page(HttpMethod.DELETE, "/api/v1/activities/" + ID, Role.VIEWER),
			page(HttpMethod.GET, "/accounts/" + ID + "/timeline", Role.VIEWER),
			page(HttpMethod.GET, "/accounts/" + ID + "/timeline/stream", Role.VIEWER),
			page(HttpMethod.GET, "/imports", Role.CSM, Role.SALES),
			page(HttpMethod.POST, "/imports", Role.CSM, Role.SALES),
			page(HttpMethod.GET, "/imports/" + ID, Role.CSM, Role.SALES),
			page(HttpMethod.POST, "/imports/" + ID + "/mapping", Role.CSM, Role.SALES),
			page(HttpMethod.POST, "/imports/" + ID + "/run", Role.CSM, Role.SALES),
			page(HttpMethod.GET, "/imports/" + ID + "/status", Role.CSM, Role.SALES),
			page(HttpMethod.GET, "/imports/" + ID + "/rejected.csv", Role.CSM, Role.SALES),
			page(HttpMethod.POST, "/api/v1/imports", Role.CSM, Role.SALES),
			page(HttpMethod.POST, "/api/v1/imports/" + ID + "/check", Role.CSM, Role.SALES),
			page(HttpMethod.POST, "/api/v1/imports/" + ID + "/run", Role.CSM, Role.SALES),
			page(HttpMethod.GET, "/api/v1/imports/" + ID, Role.CSM, Role.SALES),
			page(HttpMethod.GET, "/admin/custom-fields", Role.ADMIN),
			page(HttpMethod.POST, "/admin/custom-fields", Role.ADMIN),
			page(HttpMethod.POST, "/admin/custom-fields/" + ID + "/delete", Role.ADMIN),
			page(HttpMethod.POST, "/accounts/views", Role.VIEWER),
			page(HttpMethod.POST, "/accounts/views/" + ID + "/delete", Role.VIEWER),
			page(HttpMethod.GET, "/success", Role.CSM),
			page(HttpMethod.GET, "/support", Role.SUPPORT_AGENT),
			page(HttpMethod.GET, "/sales", Role.SALES),
			page(HttpMethod.GET, "/guides", Role.CSM),
			page(HttpMethod.GET, "/analytics", Role.VIEWER),
			page(HttpMethod.GET, "/analytics/data", Role.VIEWER),
			page(HttpMethod.GET, "/analytics/definitions", Role.VIEWER),
			page(HttpMethod.GET, "/analytics/drill", Role.VIEWER),
			page(HttpMethod.GET, "/analytics/drill.csv", Role.VIEWER),
			page(HttpMethod.GET, "/analytics/answers", Role.VIEWER),
			page(HttpMethod.GET, "/analytics/answers.csv", Role.VIEWER),
			page(HttpMethod.GET, "/analytics/movements.csv", Role.VIEWER),
			page(HttpMethod.GET, "/analytics/cohorts.csv", Role.VIEWER),
			page(HttpMethod.GET, "/api/v1/metrics", Role.VIEWER),
			page(HttpMethod.GET, "/api/v1/metrics/drill", Role.VIEWER),
			page(HttpMethod.POST, "/api/v1/metrics/retention/sbg", Role.VIEWER),
			page(HttpMethod.GET, "/admin/sources", Role.ADMIN),
			page(HttpMethod.POST, "/admin/sources", Role.ADMIN),
			page(HttpMethod.POST, "/admin/sources/" + ID + "/rotate", Role.ADMIN),
			page(HttpMethod.POST, "/admin/sources/groups/map", Role.ADMIN),
			page(HttpMethod.POST, "/admin/sources/" + ID + "/revoke", Role.ADMIN),
			page(HttpMethod.GET, "/admin/sources/export", Role.ADMIN),
			page(HttpMethod.GET, "/admin/sources/events.ndjson", Role.ADMIN),
			page(HttpMethod.GET, "/api/v1/events", Role.ADMIN),
			page(HttpMethod.GET, "/api/v1/sources", Role.ADMIN),
			page(HttpMethod.POST, "/api/v1/sources", Role.ADMIN),
			page(HttpMethod.GET, "/api/v1/sources/" + ID, Role.ADMIN),
			page(HttpMethod.POST, "/api/v1/sources/" + ID + "/rotate", Role.ADMIN),
			page(HttpMethod.DELETE, "/api/v1/sources/" + ID, Role.ADMIN),
			page(HttpMethod.POST, "/v1/track"),
			page(HttpMethod.GET, "/api/v1/usage/groups/unmatched", Role.CSM),
			page(HttpMethod.GET, "/analytics/usage", Role.VIEWER),
			page(HttpMethod.GET, "/api/v1/usage", Role.VIEWER),
			page(HttpMethod.GET, "/admin/features", Role.ADMIN),
			page(HttpMethod.POST, "/admin/features", Role.ADMIN),
			page(HttpMethod.POST, "/admin/features/unmap", Role.ADMIN),
			page(HttpMethod.GET, "/api/v1/usage/features", Role.ADMIN),
			page(HttpMethod.PUT, "/api/v1/usage/features/signed_in", Role.ADMIN),
			page(HttpMethod.DELETE, "/api/v1/usage/features/signed_in", Role.ADMIN),
			page(HttpMethod.GET, "/accounts/" + ID + "/usage", Role.VIEWER),
			page(HttpMethod.GET, "/api/v1/accounts/" + ID + "/usage", Role.VIEWER),
			page(HttpMethod.PUT, "/api/v1/usage/groups/" + ID + "/acme.example", Role.CSM),
			page(HttpMethod.GET, "/accounts/" + ID + "/health", Role.VIEWER),
			page(HttpMethod.POST, "/accounts/" + ID + "/health/override", Role.CSM),
			page(HttpMethod.POST, "/accounts/" + ID + "/health/override/end", Role.CSM),
			page(HttpMethod.POST, "/accounts/" + ID + "/health/sentiment", Role.CSM),
			page(HttpMethod.GET, "/api/v1/accounts/" + ID + "/health", Role.VIEWER),
			page(HttpMethod.GET, "/api/v1/accounts/" + ID + "/health/history", Role.VIEWER),
			page(HttpMethod.PUT, "/api/v1/accounts/" + ID + "/health/override", Role.CSM),
			page(HttpMethod.DELETE, "/api/v1/accounts/" + ID + "/health/override", Role.CSM),
			page(HttpMethod.PUT, "/api/v1/accounts/" + ID + "/health/sentiment", Role.CSM),
			page(HttpMethod.GET, "/admin/health", Role.ADMIN),
			page(HttpMethod.GET, "/admin/health/progress", Role.ADMIN),
			page(HttpMethod.POST, "/admin/health/recompute", Role.ADMIN),
			page(HttpMethod.POST, "/admin/health/lifecycle", Role.ADMIN),
			page(HttpMethod.GET, "/admin/health/export", Role.ADMIN),
			page(HttpMethod.POST, "/admin/health/import", Role.ADMIN),
			page(HttpMethod.GET, "/admin/health/scorecards/new", Role.ADMIN),
			page(HttpMethod.GET, "/admin/health/scorecards/" + ID, Role.ADMIN),
			page(HttpMethod.POST, "/admin/health/scorecards", Role.ADMIN),
			page(HttpMethod.POST, "/admin/health/scorecards/" + ID + "/delete", Role.ADMIN),
			page(HttpMethod.GET, "/admin/health/segments/new", Role.ADMIN),
			page(HttpMethod.GET, "/admin/health/segments/enterprise", Role.ADMIN),
			page(HttpMethod.POST, "/admin/health/segments", Role.ADMIN),
			page(HttpMethod.POST, "/admin/health/segments/enterprise/delete", Role.ADMIN),
			page(HttpMethod.GET, "/api/v1/health/scorecards", Role.CS_MANAGER),
			page(HttpMethod.POST, "/api/v1/health/scorecards", Role.ADMIN),
			page(HttpMethod.PUT, "/api/v1/health/scorecards/" + ID, Role.ADMIN),
			page(HttpMethod.DELETE, "/api/v1/health/scorecards/" + ID, Role.ADMIN),
			page(HttpMethod.GET, "/api/v1/health/segments", Role.CS_MANAGER),
			page(HttpMethod.POST, "/api/v1/health/segments", Role.ADMIN),
			page(HttpMethod.PUT, "/api/v1/health/segments/enterprise", Role.ADMIN),
			page(HttpMethod.DELETE, "/api/v1/health/segments/enterprise", Role.ADMIN),
			page(HttpMethod.GET, "/api/v1/health/lifecycle-rules", Role.CS_MANAGER),
			page(HttpMethod.PUT, "/api/v1/health/lifecycle-rules", Role.ADMIN),
			page(HttpMethod.GET, "/api/v1/health/configuration", Role.ADMIN),
			page(HttpMethod.PUT, "/api/v1/health/configuration", Role.ADMIN),
			page(HttpMethod.POST, "/api/v1/health/backtest", Role.ADMIN),
			page(HttpMethod.POST, "/api/v1/health/recompute", Role.ADMIN),
			page(HttpMethod.GET, "/api/v1/health/recompute", Role.ADMIN),
			page(HttpMethod.GET, "/api/v1/survey-answers", Role.VIEWER),
			page(HttpMethod.GET, "/api/v1/survey-answers/" + ID, Role.VIEWER),
			page(HttpMethod.POST, "/api/v1/survey-answers", Role.CSM, Role.SUPPORT_AGENT, Role.SALES),
			page(HttpMethod.PUT, "/api/v1/survey-answers/external/sub_123", Role.CSM, Role.SUPPORT_AGENT, Role.SALES),
			page(HttpMethod.DELETE, "/api/v1/survey-answers/" + ID, Role.ADMIN),
			page(HttpMethod.GET, "/admin", Role.ADMIN),
			page(HttpMethod.GET, "/admin/users", Role.ADMIN),
			page(HttpMethod.GET, "/admin/users/new", Role.ADMIN),
			page(HttpMethod.POST, "/admin/users", Role.ADMIN),
			page(HttpMethod.GET, "/admin/users/" + ID, Role.ADMIN),
			page(HttpMethod.POST, "/admin/users/" + ID + "/roles", Role.ADMIN),
			page(HttpMethod.POST, "/admin/users/" + ID + "/deactivate", Role.ADMIN),
			page(HttpMethod.POST, "/admin/users/" + ID + "/activate", Role.ADMIN),
			page(HttpMethod.POST, "/admin/users/" + ID + "/invitation", Role.ADMIN),
			page(HttpMethod.GET, "/profile", Role.VIEWER),
			page(HttpMethod.POST, "/profile", Role.VIEWER),
			page(HttpMethod.POST, "/profile/password", Role.VIEWER),
			page(HttpMethod.GET, "/profile/tokens", Role.VIEWER),
			page(HttpMethod.POST, "/profile/tokens", Role.VIEWER),
			page(HttpMethod.POST, "/profile/tokens/" + ID + "/revoke", Role.VIEWER),
			page(HttpMethod.GET, "/login"),
			page(HttpMethod.GET, "/invitations/unknown"),
			page(HttpMethod.POST, "/invitations/unknown"),
			page(HttpMethod.POST, "/preferences/language"),
			page(HttpMethod.GET, "/error"),
			page(HttpMethod.GET, "/v3/api-docs"),
			page(HttpMethod.GET, "/docs/api"),
			page(HttpMethod.GET, "/api/v1/me", Role.VIEWER),
			page(HttpMethod.GET, "/api/v1/tokens", Role.VIEWER),
			page(HttpMethod.POST, "/api/v1/tokens", Role.VIEWER),
			page(HttpMethod.DELETE, "/api/v1/tokens/" + ID, Role.VIEWER),
			page(HttpMethod.GET, "/api/v1/users", Role.ADMIN),
			page(HttpMethod.POST, "/api/v1/users", Role.ADMIN),
			page(HttpMethod.GET, "/api/v1/users/" + ID, Role.ADMIN),
			page(HttpMethod.PUT, "/api/v1/users/" + ID + "/roles", Role.ADMIN),
			page(HttpMethod.POST, "/api/v1/users/" + ID + "/deactivate", Role.ADMIN),
			page(HttpMethod.POST, "/api/v1/users/" + ID + "/activate", Role.ADMIN),
			page(HttpMethod.GET, "/actuator/health"),
			page(HttpMethod.GET, "/actuator/health/readiness"),
			page(HttpMethod.GET, "/actuator/prometheus", Role.ADMIN));

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	private final Map<Role, SignedInUser> users = new EnumMap<>(Role.class);

	private final Map<Role, String> tokens = new EnumMap<>(Role.class);

	@BeforeAll
	void createOnePersonPerRole() {
		TestUsers testUsers = new TestUsers(context);
		for (Role role : Role.values()) {
			SignedInUser person = testUsers.create(role);
			users.put(role, person);
			tokens.put(role, testUsers.tokenFor(person));
		}
	}

	Stream<Endpoint> protectedEndpoints() {
		return ENDPOINTS.stream().filter(e -> !e.open());
	}

	@ParameterizedTest
	@MethodSource("protectedEndpoints")
	void refusesEveryRoleBelowTheDeclaredOne(Endpoint endpoint) throws Exception {
		for (Role role : Role.values()) {
			int status = call(endpoint, role);
			if (endpoint.allows(role)) {
				assertThat(status).as("%s as %s", endpoint, role).isNotIn(401, 403).isLessThan(500);
			}
			else {
				assertThat(status).as("%s as %s", endpoint, role).isEqualTo(403);
			}
		}
	}

	@ParameterizedTest
	@MethodSource("protectedEndpoints")
	void refusesAnonymousCallers(Endpoint endpoint) throws Exception {
		var result = mvc.perform(request(endpoint).with(csrf())).andReturn().getResponse();
		if (endpoint.api()) {
			assertThat(result.getStatus()).as(endpoint.toString()).isEqualTo(401);
			assertThat(result.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		}
		else {
			assertThat(result.getStatus()).as(endpoint.toString()).isEqualTo(302);
			assertThat(result.getRedirectedUrl()).endsWith("/login");
		}
	}

	@Test
	void aPageFormWithoutCsrfTokenIsRefused() throws Exception {
		int status = mvc.perform(MockMvcRequestBuilders.post("/profile/tokens")
			.param("name", "x")
			.with(user(users.get(Role.VIEWER)))).andReturn().getResponse().getStatus();
		assertThat(status).isEqualTo(403);
	}

	@Test
	void theTableNamesEveryEndpointAndEveryHandlerDeclaresItsRoles() {
		Set<String> declared = new TreeSet<>();
		List<String> undeclared = new ArrayList<>();
		handlerMapping.getHandlerMethods().forEach((info, handler) -> {
			if (!handler.getBeanType().getPackageName().startsWith("io.kizuna")) {
				return;
			}
			if (!declaresRoles(handler)) {
				undeclared.add(handler.toString());
			}
			Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("GET")
					: info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(
							java.util.stream.Collectors.toSet());
			for (String pattern : info.getPatternValues()) {
				methods.forEach(method -> declared.add(method + " " + pattern));
			}
		});
		Set<String> tested = new TreeSet<>();
		for (Endpoint endpoint : ENDPOINTS) {
			tested.add(endpoint.method() + " " + endpoint.path());
		}
		Set<String> untested = new TreeSet<>();
		for (String endpoint : declared) {
			String regex = endpoint.replaceAll("\\{[^}]+}", "[^/]+");
			if (tested.stream().noneMatch(t -> t.matches(regex))) {
				untested.add(endpoint);
			}
		}
		assertThat(undeclared).as("handlers without @PreAuthorize").isEmpty();
		assertThat(untested).as("endpoints missing from the table in this test").isEmpty();
	}

	private int call(Endpoint endpoint, Role role) throws Exception {
		MockHttpServletRequestBuilder request = request(endpoint);
		if (endpoint.api()) {
			request.header("Authorization", "Bearer " + tokens.get(role));
		}
		else {
			request.with(user(users.get(role))).with(csrf());
		}
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private static MockHttpServletRequestBuilder request(Endpoint endpoint) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(endpoint.method(), endpoint.path());
		if (endpoint.api() && endpoint.method() != HttpMethod.GET && endpoint.method() != HttpMethod.DELETE) {
			request.contentType(MediaType.APPLICATION_JSON).content("{}");
		}
		return request;
	}

	private static boolean declaresRoles(HandlerMethod handler) {
		return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
				|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class);
	}

	/** The role hierarchy as the product defines it. */
	static boolean includes(Role held, Role needed) {
		return switch (held) {
			case ADMIN -> true;
			case CS_MANAGER -> needed == Role.CS_MANAGER || needed == Role.CSM || needed == Role.VIEWER;
			case CSM -> needed == Role.CSM || needed == Role.VIEWER;
			case SUPPORT_AGENT -> needed == Role.SUPPORT_AGENT || needed == Role.VIEWER;
			case SALES -> needed == Role.SALES || needed == Role.VIEWER;
			case VIEWER -> needed == Role.VIEWER;
		};
	}

	private static Endpoint page(HttpMethod method, String path, Role... lowest) {
		return new Endpoint(method, path, lowest);
	}
}
