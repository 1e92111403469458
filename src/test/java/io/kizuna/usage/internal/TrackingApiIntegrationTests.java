package io.kizuna.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import com.jayway.jsonpath.JsonPath;

import io.kizuna.support.KizunaIntegrationTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The tracking API as a Segment client meets it: Basic auth or a writeKey in the body, text/plain and
 * gzip bodies, batches, resends, limits and bad input; and what ends up in the event log.
 */
@KizunaIntegrationTest
class TrackingApiIntegrationTests {

	private static final String ADMIN = "Bearer kz_bootstrap-token-for-tests-0123456789";

	@Autowired
	MockMvc mvc;

	@Autowired
	EventLog log;

	@Value("${kizuna.data-dir}/events")
	Path directory;

	private String sourceId;

	private String writeKey;

	@BeforeEach
	void createSource() throws Exception {
		String created = mvc.perform(post("/api/v1/sources").header("Authorization", ADMIN)
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Web app\",\"kind\":\"WEB\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.writeKey").value(org.hamcrest.Matchers.startsWith("wk_")))
			.andReturn().getResponse().getContentAsString();
		sourceId = JsonPath.read(created, "$.id");
		writeKey = JsonPath.read(created, "$.writeKey");
	}

	private MockHttpServletRequestBuilder basic(MockHttpServletRequestBuilder request) {
		String credentials = Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
		return request.header("Authorization", "Basic " + credentials).contentType(MediaType.APPLICATION_JSON);
	}

	/** The stored events of this test's source, oldest first. */
	private List<String> stored() {
		List<String> events = new ArrayList<>();
		log.replay(bytes -> {
			String event = new String(bytes, StandardCharsets.UTF_8);
			if (event.contains("\"sourceId\":\"" + sourceId + "\"")) {
				events.add(event);
			}
		});
		return events;
	}

	@Test
	void aTrackCallIsStoredOnceHoweverOftenItIsResent() throws Exception {
		String track = "{\"userId\":\"u-1\",\"event\":\"Report Exported\",\"messageId\":\"m-1\","
				+ "\"properties\":{\"format\":\"csv\"},\"timestamp\":\"2026-11-23T01:00:00Z\"}";

		mvc.perform(basic(post("/v1/track")).header("Origin", "https://app.example.jp").content(track))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.success").value(true))
			.andExpect(header().string("Access-Control-Allow-Origin", "*"));
		mvc.perform(basic(post("/v1/track")).content(track)).andExpect(status().isOk());
		mvc.perform(basic(post("/v1/t")).content(track)).andExpect(status().isOk());

		List<String> events = stored();
		assertThat(events).hasSize(1);
		assertThat((String) JsonPath.read(events.get(0), "$.type")).isEqualTo("track");
		assertThat((String) JsonPath.read(events.get(0), "$.event")).isEqualTo("Report Exported");
		assertThat((String) JsonPath.read(events.get(0), "$.timestamp")).isEqualTo("2026-11-23T01:00:00Z");
		assertThat(events.get(0)).doesNotContain("writeKey");
	}

	@Test
	void theBrowserClientsTextPlainBodyWithItsWriteKeyIsAccepted() throws Exception {
		mvc.perform(post("/v1/p").contentType(MediaType.TEXT_PLAIN)
			.content("{\"writeKey\":\"" + writeKey + "\",\"anonymousId\":\"a-1\",\"name\":\"Dashboard\"}"))
			.andExpect(status().isOk());
		mvc.perform(options("/v1/p").header("Origin", "https://app.example.jp")
			.header("Access-Control-Request-Method", "POST"))
			.andExpect(status().isOk())
			.andExpect(header().string("Access-Control-Allow-Origin", "*"))
			.andExpect(header().string("Access-Control-Allow-Methods", containsString("POST")));

		assertThat(stored()).singleElement().satisfies(event -> {
			assertThat((String) JsonPath.read(event, "$.type")).isEqualTo("page");
			assertThat(event).doesNotContain(writeKey);
		});
	}

	@Test
	void aGzippedBatchGivesEachItemTheBatchContextAndCorrectsTheDeviceClock() throws Exception {
		Instant before = Instant.now();
		// The device's clock is an hour fast: it stamped the event at 10:00:00 and the request at 10:00:05.
		String batch = """
				{"batch":[
				  {"type":"identify","userId":"u-2","traits":{"email":"hanako@example.jp"},"messageId":"b-1",
				   "timestamp":"2030-01-01T10:00:00Z","context":{"page":{"path":"/home"}}},
				  {"type":"group","userId":"u-2","groupId":"example.jp","messageId":"b-2","context":{"locale":"en-US"}},
				  {"type":"track","userId":"u-2","event":"Signed In","messageId":"b-3"}],
				 "context":{"library":{"name":"analytics-node"},"locale":"ja-JP"},
				 "integrations":{"All":true},
				 "sentAt":"2030-01-01T10:00:05Z"}""";

		mvc.perform(basic(post("/v1/batch")).header("Content-Encoding", "gzip").content(gzip(batch)))
			.andExpect(status().isOk());

		List<String> events = stored();
		assertThat(events).hasSize(3);
		assertThat((String) JsonPath.read(events.get(0), "$.context.library.name")).isEqualTo("analytics-node");
		assertThat((String) JsonPath.read(events.get(0), "$.context.page.path")).isEqualTo("/home");
		assertThat((String) JsonPath.read(events.get(1), "$.context.locale")).isEqualTo("en-US");
		assertThat((Boolean) JsonPath.read(events.get(2), "$.integrations.All")).isTrue();
		Instant received = Instant.parse(JsonPath.read(events.get(0), "$.receivedAt"));
		Instant corrected = Instant.parse(JsonPath.read(events.get(0), "$.timestamp"));
		assertThat(received).isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
		assertThat(corrected).isEqualTo(received.minusSeconds(5));
		assertThat((String) JsonPath.read(events.get(0), "$.originalTimestamp")).isEqualTo("2030-01-01T10:00:00Z");
	}

	@Test
	void limitsAndBadInputAreRefusedWithTheReasonAndNothingIsStored() throws Exception {
		String big = "x".repeat(33 * 1024);
		mvc.perform(basic(post("/v1/track")).header("Accept-Language", "en")
			.content("{\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"p\":\"" + big + "\"}}"))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("The event is larger than 32 KB, the limit for one event."));
		StringBuilder items = new StringBuilder();
		for (int i = 0; i < 40; i++) {
			items.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"p\":\"")
				.append("y".repeat(15 * 1024)).append("\"}}");
		}
		mvc.perform(basic(post("/v1/batch")).header("Accept-Language", "en").content("{\"batch\":[" + items + "]}"))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.detail").value(containsString("500 KB")));
		mvc.perform(basic(post("/v1/batch")).header("Accept-Language", "en")
			.content("{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"ok\"},"
					+ "{\"type\":\"track\",\"userId\":\"u\",\"properties\":{\"p\":\"" + "z".repeat(33 * 1024) + "\"}}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Event 1 needs \"event\"."));
		mvc.perform(basic(post("/v1/track")).content("{not json")).andExpect(status().isBadRequest());
		mvc.perform(basic(post("/v1/track")).content("{\"event\":\"e\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("anonymousId")));
		mvc.perform(basic(post("/v1/identify")).content("{\"userId\":\"u\",\"timestamp\":\"yesterday\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(basic(post("/v1/track")).header("Content-Encoding", "gzip").content("{\"userId\":\"u\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(basic(post("/v1/everything")).content("{}")).andExpect(status().isNotFound());

		assertThat(stored()).isEmpty();
	}

	@Test
	void aWrongRotatedOrRevokedWriteKeyIsRefused() throws Exception {
		String track = "{\"userId\":\"u\",\"event\":\"e\"}";
		mvc.perform(post("/v1/track").contentType(MediaType.APPLICATION_JSON).content(track))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/v1/track").header("Authorization", "Basic " + Base64.getEncoder().encodeToString("wk_nope:".getBytes()))
			.contentType(MediaType.APPLICATION_JSON).content(track))
			.andExpect(status().isUnauthorized());

		String rotated = mvc.perform(post("/api/v1/sources/" + sourceId + "/rotate").header("Authorization", ADMIN))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		mvc.perform(basic(post("/v1/track")).content(track)).andExpect(status().isUnauthorized());
		writeKey = JsonPath.read(rotated, "$.writeKey");
		mvc.perform(basic(post("/v1/track")).content(track)).andExpect(status().isOk());

		mvc.perform(delete("/api/v1/sources/" + sourceId).header("Authorization", ADMIN)).andExpect(status().isNoContent());
		mvc.perform(basic(post("/v1/track")).content(track)).andExpect(status().isUnauthorized());
		assertThat(stored()).hasSize(1);
	}

	@Test
	void storedEventsAreReadBackByANewLogAsAfterARestart() throws Exception {
		mvc.perform(basic(post("/v1/track")).content("{\"userId\":\"u\",\"event\":\"Kept\",\"messageId\":\"k-1\"}"))
			.andExpect(status().isOk());

		List<String> afterRestart = new ArrayList<>();
		LocalEventLog restarted = new LocalEventLog(directory);
		try {
			restarted.replay(bytes -> {
				String event = new String(bytes, StandardCharsets.UTF_8);
				if (event.contains(sourceId)) {
					afterRestart.add(event);
				}
			});
		}
		finally {
			restarted.destroy();
		}
		assertThat(afterRestart).singleElement().asString().contains("\"event\":\"Kept\"");
	}

	private static byte[] gzip(String text) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}
}
