package io.kizuna.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.kizuna.shared.KizunaException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses API request bodies above {@code kizuna.api.max-request-size} (default 1 MB) with 413
 * before they are read. Tomcat limits only form posts, not JSON; file uploads have their own
 * multipart limit.
 */
@Configuration
class RequestSizeLimit implements WebMvcConfigurer, HandlerInterceptor {

	static class PayloadTooLarge extends KizunaException {

		PayloadTooLarge(DataSize limit) {
			super(HttpStatus.CONTENT_TOO_LARGE, "error.payloadTooLarge", limit.toKilobytes());
		}
	}

	private final DataSize limit;

	RequestSizeLimit(@Value("${kizuna.api.max-request-size:1MB}") DataSize limit) {
		this.limit = limit;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String type = request.getContentType();
		boolean multipart = type != null && type.startsWith("multipart/");
		if (!multipart && request.getContentLengthLong() > limit.toBytes()) {
			throw new PayloadTooLarge(limit);
		}
		return true;
	}
}
