package dev.livelens.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.PrometheusText;
import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/** A chain of filters selected over a real socket: applied in order, one image back, each stage timed. */
class FilterChainStreamTest {

  private static final Rect FACE = new Rect(235, 100, 90, 100);
  private static final Rect BACKGROUND = new Rect(450, 10, 180, 150);
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aChainOfTwoAppliesBothInOrderAndTimesEach() {
    try (StreamClient client = server.connect()) {
      client.skipGreeting();
      client.sendText(new JsonObject().put("type", "filter").put("chain", new JsonArray()
          .add(new JsonObject().put("name", "blur-background"))
          .add(new JsonObject().put("name", "pixelate-faces").put("params", new JsonObject().put("strength", 6))))
          .encode());
      JsonObject selected = client.next("filter").json();
      assertEquals("chain", selected.getString("filter"));
      assertEquals(6, selected.getJsonObject("params").getJsonArray("stages").getJsonObject(1)
          .getJsonObject("params").getInteger("strength"), "each stage's parameters resolved: " + selected);
      client.sendFrame(1, TestImages.faceFrame());
      Mat original = TestImages.decode(TestImages.faceFrame());
      Mat image = TestImages.decode(client.next("image").jpeg());
      JsonObject report = client.next("faces").json();
      assertEquals(1, report.getJsonArray("faces").size(), report.encode());
      assertEquals(2, report.getJsonArray("stageNanos").size(), report.encode());
      assertTrue(!report.encode().contains("_mask"), "what a filter keeps for itself stays on the server");
      assertTrue(report.getJsonArray("stageNanos").getLong(0) > 0 && report.getJsonArray("stageNanos").getLong(1) > 0);
      assertTrue(TestImages.sharpness(image, FACE) < 0.1 * TestImages.sharpness(original, FACE), "face hidden");
      assertTrue(TestImages.sharpness(image, BACKGROUND) < 0.3 * TestImages.sharpness(original, BACKGROUND),
          "background blurred");
      original.release();
      image.release();
    }
  }

  @Test
  void eachStageOfAChainIsTimedOnItsOwnMeterAndItsCostListedWithTheFilters() throws Exception {
    try (StreamClient client = server.connect()) {
      client.skipGreeting();
      client.sendText(new JsonObject().put("type", "filter").put("chain", new JsonArray()
          .add(new JsonObject().put("name", "edges")).add(new JsonObject().put("name", "gray"))).encode());
      client.next("filter");
      for (long id = 10; id < 13; id++) {
        client.sendFrame(id, TestImages.faceFrame());
        assertEquals(id, client.next("image").id());
      }
    }
    PrometheusText metrics = server.scrape();
    assertTrue(metrics.value("livelens_chain_stage_seconds_count", Map.of("filter", "edges")) >= 3, "edges timed");
    assertTrue(metrics.value("livelens_chain_stage_seconds_count", Map.of("filter", "gray")) >= 3, "gray timed");
    JsonArray filters = new JsonArray(server.get("/api/filters").body());
    JsonObject edges = filters.stream().map(JsonObject.class::cast).filter(f -> f.getString("name").equals("edges"))
        .findFirst().orElseThrow();
    assertTrue(edges.getJsonObject("cost").getLong("frames") >= 3, edges.encode());
    assertTrue(edges.getJsonObject("cost").getDouble("ms") > 0, edges.encode());
    JsonObject unused = filters.stream().map(JsonObject.class::cast)
        .filter(f -> f.getString("name").equals("blur-faces")).findFirst().orElseThrow();
    assertEquals(new JsonObject().putNull("ms").put("frames", 0L), unused.getJsonObject("cost"), "not run yet");
  }

  @Test
  void aChainNamingAnUnknownFilterIsRefusedAndTheSingleFilterMessageStillWorks() {
    try (StreamClient client = server.connect()) {
      client.skipGreeting();
      client.sendText(new JsonObject().put("type", "filter").put("chain", new JsonArray()
          .add(new JsonObject().put("name", "gray")).add(new JsonObject().put("name", "sepia"))).encode());
      assertTrue(client.expectError("bad_params", null).getString("message").contains("sepia"));
      client.selectFilter("gray", new JsonObject());
      assertEquals("gray", client.next("filter").json().getString("filter"));
      client.sendFrame(2, TestImages.faceFrame());
      assertEquals(2, client.next("image").id());
    }
  }
}
