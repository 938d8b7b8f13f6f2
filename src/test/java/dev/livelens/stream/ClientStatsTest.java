package dev.livelens.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A page's clientStats message: recorded when sound, refused like any bad message when not, never in the way. */
class ClientStatsTest {

  private static TestServer server;
  private StreamClient client;

  @BeforeAll
  static void startServer() {
    server = TestServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void connect() {
    client = server.connect().skipGreeting();
  }

  /** Nothing is answered to a clientStats message: the next message is the frame's reply. */
  @AfterEach
  void stillWorksThenDisconnect() {
    client.sendFrame(999, TestImages.faceFrame());
    assertEquals(999, client.next().id(), "the connection keeps working, nothing else was sent");
    client.close();
  }

  @Test
  void reportIsRecordedAndUnknownFieldsAreIgnored() {
    client.sendText(stats().put("newerPagesMaySend", new JsonObject().put("anything", 1)).encode());
    Timer p50 = awaitTimer("roundTripMs", "p50");
    assertEquals(17.5, p50.max(TimeUnit.MILLISECONDS), 0.01);
    assertEquals(30.0, awaitTimer("roundTripMs", "p95").max(TimeUnit.MILLISECONDS), 0.01);
    assertEquals(4.0, awaitTimer("decodeDrawMs", "p50").max(TimeUnit.MILLISECONDS), 0.01);
  }

  @Test
  void partThatIsNotAnObjectIsABadMessage() {
    client.sendText(stats().put("roundTripMs", 17).encode());
    JsonObject error = client.expectError("bad_message", null);
    assertTrue(error.getString("message").contains("roundTripMs"), error.encode());
  }

  @Test
  void negativeOrAbsurdTimesAreABadMessage() {
    client.sendText(stats().put("networkServerMs", new JsonObject().put("p50", -1).put("p95", 3)).encode());
    client.expectError("bad_message", null);
    client.sendText(stats().put("decodeDrawMs", new JsonObject().put("p50", 1).put("p95", 1e9)).encode());
    client.expectError("bad_message", null);
  }

  @Test
  void settingOfTheWrongTypeIsABadMessage() {
    client.sendText(stats().put("quality", "high").encode());
    JsonObject error = client.expectError("bad_message", null);
    assertTrue(error.getString("message").contains("quality"), error.encode());
  }

  private static JsonObject stats() {
    JsonObject part = new JsonObject().put("p50", 4.0).put("p95", 9.0);
    return new JsonObject().put("type", "clientStats")
        .put("roundTripMs", new JsonObject().put("p50", 17.5).put("p95", 30.0))
        .put("captureEncodeMs", part).put("networkServerMs", part).put("decodeDrawMs", part)
        .put("receivedFps", 30).put("quality", 0.8).put("longSide", 640).put("fps", 30);
  }

  private static Timer awaitTimer(String part, String stat) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      Timer timer = server.registry.find("livelens.client.latency").tags("part", part, "stat", stat).timer();
      if (timer != null && timer.count() > 0) {
        return timer;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("no client latency recorded for " + part + " " + stat);
  }
}
