package io.kizuna.web.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs, rendered for people at /docs/api. */
@Configuration
class ApiDocumentationConfiguration {

	@Bean
	OpenAPI kizunaOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Kizuna REST API")
				.version("v1")
				.description("Customer success platform API. Authenticate with an API token created under "
						+ "Profile → API tokens: `Authorization: Bearer kz_…`. Errors are RFC 9457 problem+json.")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("apiToken",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("Kizuna API token")))
			.addSecurityItem(new SecurityRequirement().addList("apiToken"));
	}
}
