package io.kizuna.web.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kizuna.support.KizunaIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** What an operator and an integrator rely on: probes, metrics and the API description. */
@KizunaIntegrationTest
class OperationsIntegrationTests {

	static final String ADMIN = "Bearer kz_bootstrap-token-for-tests-0123456789";

	@Autowired
	MockMvc mvc;

	@Test
	void healthAndReadinessAnswerWithoutCredentials() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
	}

	@Test
	void prometheusMetricsNeedAnAdminToken() throws Exception {
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/prometheus").header("Authorization", ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("jvm_memory_used_bytes")))
			.andExpect(content().string(containsString("http_server_requests_seconds")));
	}

	@Test
	void theOpenApiDocumentDescribesTheRestApiAndItsTokenScheme() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.info.title").value("Kizuna REST API"))
			.andExpect(jsonPath("$.paths['/api/v1/tokens'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/users/{id}/roles'].put").exists())
			.andExpect(jsonPath("$.paths['/api/v1/me'].get").exists())
			.andExpect(jsonPath("$.components.securitySchemes.apiToken.scheme").value("bearer"))
			.andExpect(jsonPath("$.tags[*].name", hasItem("API tokens")));
	}

	@Test
	void theApiReferenceIsRenderedForPeople() throws Exception {
		mvc.perform(get("/docs/api")).andExpect(redirectedUrl("/docs/swagger-ui/index.html"));
		mvc.perform(get("/docs/swagger-ui/index.html"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("swagger-ui")));
	}
}
