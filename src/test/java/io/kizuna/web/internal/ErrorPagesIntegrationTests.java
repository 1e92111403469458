package io.kizuna.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.internal.TestUsers;
import io.kizuna.support.TestDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Errors as a browser or an API client meets them on the real server, through the servlet
 * container's error dispatch: friendly pages in the user's language, problem+json on the API, never
 * a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(TestDatabase.class)
class ErrorPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void anUnknownApiPathIsAProblemDocument() throws Exception {
		HttpResponse<String> response = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri("/api/v1/nothing"))
			.header("Authorization", "Bearer kz_bootstrap-token-for-tests-0123456789"));

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":404").doesNotContain("Exception");
	}

	@Test
	void anUnknownPageIsAFriendlyPageInTheUsersLanguage() throws Exception {
		HttpClient browser = signedInBrowser(Role.VIEWER);

		HttpResponse<String> response = send(browser, HttpRequest.newBuilder(uri("/no/such/page"))
			.header("Accept-Language", "ja"));

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("このアドレスには何もありません。", "<header class=\"topbar\"")
			.doesNotContain("Exception", "Whitelabel");
	}

	@Test
	void aPageTheRoleDoesNotOpenIsAFriendly403() throws Exception {
		HttpClient browser = signedInBrowser(Role.SALES);

		HttpResponse<String> response = send(browser, HttpRequest.newBuilder(uri("/admin/users"))
			.header("Accept-Language", "en"));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("Your role does not allow this page.").doesNotContain("Exception");
	}

	@Test
	void aRefusedPageSaysWhyInTheUsersLanguage() throws Exception {
		HttpClient browser = signedInBrowser(Role.VIEWER);

		HttpResponse<String> response = send(browser, HttpRequest.newBuilder(uri("/analytics?from=yesterday"))
			.header("Accept-Language", "ja"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("「yesterday」は月として読めません。2026-04 のように指定してください。")
			.doesNotContain("Exception");
	}

	private HttpClient signedInBrowser(Role role) throws Exception {
		SignedInUser person = new TestUsers(context).create(role);
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String loginPage = send(browser, HttpRequest.newBuilder(uri("/login"))).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
		assertThat(csrf.find()).isTrue();
		String form = "username=" + person.getUsername() + "&password="
				+ URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
		HttpResponse<String> login = send(browser, HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		return browser;
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
