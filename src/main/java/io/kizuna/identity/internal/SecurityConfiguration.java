package io.kizuna.identity.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Two doors. The REST API ({@code /api/**}) and the operations endpoints take API tokens only,
 * keep no session and so need no CSRF token; their refusals are problem+json. Pages use a
 * session from the sign-in form, with CSRF protection. Which role each endpoint needs is declared
 * on the endpoint itself with {@code @PreAuthorize}; here every request is only required to be
 * signed in, except the few public ones listed.
 */
@Configuration
@EnableMethodSecurity
@EnableConfigurationProperties(IdentityProperties.class)
class SecurityConfiguration {

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
			+ "form-action 'self'; base-uri 'self'";

	/**
	 * The Segment-compatible tracking API ({@code /v1/**}): its callers are other programs and browsers
	 * on the customers' sites, with a write key that the usage module checks itself. No session, no
	 * cookie, so no CSRF.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain trackingSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/v1/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.disable())
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenIntrospector introspector, ProblemResponses problems,
			LoginThrottle throttle) throws Exception {
		AuthenticationEntryPoint unauthorized = (request, response, exception) -> {
			if (request.getHeader("Authorization") != null) {
				throttle.failed(null, request.getRemoteAddr());
			}
			response.setHeader("WWW-Authenticate", "Bearer realm=\"kizuna\"");
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "error.unauthorized");
		};
		AccessDeniedHandler forbidden = (request, response, exception) -> problems.write(request, response,
				HttpStatus.FORBIDDEN, "error.forbidden");
		http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.requestMatchers("/actuator/**").hasRole("ADMIN")
				// Defence in depth: admin endpoints also declare ADMIN on the endpoint itself.
				.requestMatchers("/api/v1/users", "/api/v1/users/**").hasRole("ADMIN")
				.anyRequest().authenticated())
			.oauth2ResourceServer(resourceServer -> resourceServer
				.opaqueToken(opaque -> opaque.introspector(introspector))
				.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(forbidden))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(forbidden))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable())
			.addFilterBefore(new LoginThrottleFilter(throttle, problems, true), BearerTokenAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http, SignInHandlers signIn, LoginThrottle throttle,
			ProblemResponses problems, SessionRegistry sessionRegistry) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico", "/favicon.svg")
			.permitAll()
			.requestMatchers("/login", "/invitations/**", "/error", "/preferences/language").permitAll()
			.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/docs/**")
			.permitAll()
			.requestMatchers("/admin", "/admin/**").hasRole("ADMIN")
			.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").successHandler(signIn).failureHandler(signIn).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId())
				.maximumSessions(-1)
				.sessionRegistry(sessionRegistry)
				.expiredUrl("/login?expired"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
			.addFilterBefore(new LoginThrottleFilter(throttle, problems, false),
					UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

	/** ADMIN includes every role, CS_MANAGER includes CSM, and every role includes VIEWER. */
	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy("""
				ROLE_ADMIN > ROLE_CS_MANAGER
				ROLE_ADMIN > ROLE_SUPPORT_AGENT
				ROLE_ADMIN > ROLE_SALES
				ROLE_CS_MANAGER > ROLE_CSM
				ROLE_CSM > ROLE_VIEWER
				ROLE_SUPPORT_AGENT > ROLE_VIEWER
				ROLE_SALES > ROLE_VIEWER
				""");
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	@Bean
	HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}
}
