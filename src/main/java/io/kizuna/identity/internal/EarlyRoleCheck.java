package io.kizuna.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks an endpoint's {@code @PreAuthorize} before Spring MVC reads and validates the request, so a
 * role without access gets 403 and never learns how its input would have been judged. Method
 * security still guards the call itself; our expressions name roles only, never arguments.
 */
@Configuration
class EarlyRoleCheck implements WebMvcConfigurer, HandlerInterceptor {

	private final PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();

	EarlyRoleCheck(RoleHierarchy roleHierarchy) {
		DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
		expressions.setRoleHierarchy(roleHierarchy);
		manager.setExpressionHandler(expressions);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).order(Integer.MIN_VALUE);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method) {
			var invocation = new SimpleMethodInvocation(method.getBean(), method.getMethod());
			AuthorizationResult result = manager.authorize(SecurityContextHolder.getContext()::getAuthentication,
					invocation);
			if (result != null && !result.isGranted()) {
				throw new AccessDeniedException("Access denied");
			}
		}
		return true;
	}
}
