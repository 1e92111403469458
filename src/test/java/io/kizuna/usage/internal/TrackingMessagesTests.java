package io.kizuna.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import io.kizuna.shared.InvalidRequest;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class TrackingMessagesTests {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final Instant RECEIVED = Instant.parse("2030-01-01T09:00:10Z");

	private static List<JsonNode> stored(String body, String type) {
		return TrackingMessages.normalize(JSON, JSON.readTree(body), type, "source-1", RECEIVED)
			.stream()
			.map(event -> JSON.readTree(event.json()))
			.toList();
	}

	@Test
	void aBatchItemKeepsWhatItSentAndGetsTheBatchsContextSentAtAndKizunasFields() {
		List<JsonNode> events = stored("""
				{ "writeKey" : "wk_1", "batch" : [
				  { "type":"track", "userId":"u-1", "event":"Signed In", "messageId":"m-1",
				    "properties": { "plan": "Growth", "名前": "山田 \\u592a\\u90ce", "seats": [1, 2.5, true, null] },
				    "timestamp":"2030-01-01T10:00:00Z", "context":{"locale":"en-US","page":{"path":"/a"}}, "writeKey":"x" },
				  { "type":"identify", "userId":12345, "traits":{"email":"a@example.jp"}, "sentAt":null, "messageId":"" } ],
				  "context" : {"library":{"name":"analytics-node"},"locale":"ja-JP"}, "integrations": {"All": true},
				  "sentAt":"2030-01-01T10:00:05Z" }""", "batch");

		JsonNode first = events.get(0);
		assertThat(first.path("properties").path("名前").asString()).isEqualTo("山田 太郎");
		assertThat(first.path("properties").path("seats").toString()).isEqualTo("[1,2.5,true,null]");
		assertThat(first.path("context").path("locale").asString()).as("the item's own key wins").isEqualTo("en-US");
		assertThat(first.path("context").path("library").path("name").asString()).isEqualTo("analytics-node");
		assertThat(first.path("context").path("page").path("path").asString()).isEqualTo("/a");
		assertThat(first.path("integrations").path("All").asBoolean()).isTrue();
		assertThat(first.has("writeKey")).isFalse();
		assertThat(first.path("sentAt").asString()).isEqualTo("2030-01-01T10:00:05Z");
		assertThat(first.path("originalTimestamp").asString()).isEqualTo("2030-01-01T10:00:00Z");
		assertThat(first.path("timestamp").asString()).as("the device's clock, 5 s before it sent, corrected")
			.isEqualTo("2030-01-01T09:00:05Z");
		assertThat(first.path("receivedAt").asString()).isEqualTo("2030-01-01T09:00:10Z");
		assertThat(first.path("sourceId").asString()).isEqualTo("source-1");
		assertThat(first.propertyNames()).as("set values stay in their place, new ones go at the end")
			.containsExactly("type", "userId", "event", "messageId", "properties", "timestamp", "context", "integrations",
					"sentAt", "originalTimestamp", "receivedAt", "sourceId");

		JsonNode second = events.get(1);
		assertThat(second.path("userId").asInt()).isEqualTo(12345);
		assertThat(second.path("context").path("locale").asString()).isEqualTo("ja-JP");
		assertThat(second.path("sentAt").asString()).as("a null sentAt takes the batch's").isEqualTo("2030-01-01T10:00:05Z");
		assertThat(second.path("messageId").asString()).as("a blank message id is replaced").hasSize(36);
		assertThat(second.path("timestamp").asString()).as("no timestamp: when received").isEqualTo("2030-01-01T09:00:10Z");
		assertThat(second.has("originalTimestamp")).isFalse();
	}

	@Test
	void aSingleCallIsTheTypeOfItsPathAndARepeatedNameCountsOnceWithItsLastValue() {
		JsonNode event = stored("{\"type\":\"page\",\"userId\":\"a\",\"userId\":\"b\",\"event\":\"e\"}", "track").getFirst();
		assertThat(event.path("type").asString()).isEqualTo("track");
		assertThat(event.path("userId").asString()).isEqualTo("b");
		assertThat(event.propertyNames()).startsWith("type", "userId", "event", "messageId");
	}

	@Test
	void whatIsWrongWithABatchIsSaidWithTheItemsPlace() {
		assertThatThrownBy(() -> stored("{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\"}, 7]}", "batch"))
			.isInstanceOf(InvalidRequest.class)
			.hasMessageContaining("usage.ingest.notAnObject");
		assertThatThrownBy(() -> stored("{\"batch\":{}}", "batch")).hasMessageContaining("usage.ingest.batchMissing");
		assertThatThrownBy(() -> stored("{\"batch\":[{\"type\":\"track\",\"userId\":\"u\"}]}", "batch"))
			.hasMessageContaining("usage.ingest.fieldMissing");
		assertThatThrownBy(() -> stored("{\"batch\":[{\"type\":\"track\",\"event\":\"e\"}]}", "batch"))
			.hasMessageContaining("usage.ingest.noUser");
		assertThatThrownBy(() -> stored("{\"batch\":[{\"type\":\"t\",\"userId\":\"u\"}]}", "batch"))
			.hasMessageContaining("usage.ingest.typeUnknown");
		assertThatThrownBy(
				() -> stored("{\"batch\":[{\"type\":\"page\",\"userId\":\"u\",\"timestamp\":\"yesterday\"}]}", "batch"))
			.hasMessageContaining("usage.ingest.timeInvalid");
	}

	@Test
	void anEventLargerThanTheLimitIsRefusedWithItsPlace() {
		String big = "x".repeat(TrackingMessages.EVENT_LIMIT);
		assertThatThrownBy(() -> stored("{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\"},"
				+ "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"" + big + "\"}]}", "batch"))
			.isInstanceOf(TrackingLimit.class);
	}
}
