package dev.livelens.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
