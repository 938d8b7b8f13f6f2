package dev.livelens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dashboard's push feed over a real WebSocket: history first, then a snapshot a second. */
class DashboardFeedTest {

  private static final Set<String> FIELDS = Set.of("type", "t", "interval", "sessions", "inFlight", "framesIn",
      "framesOut", "drops", "workers", "cpu", "memory", "filters", "eventBus", "clients", "totals", "cluster");

  @Test
  void feedSendsHistoryThenSnapshotsWhoseNumbersMoveWhileFramesFlow() throws Exception {
    try (TestServer server = TestServer.start("--workers", "2")) {
      FeedClient feed = FeedClient.connect(server.vertx, server.port());
      JsonObject history = feed.next();
      assertEquals("history", history.getString("type"));
      assertInstanceOf(JsonArray.class, history.getValue("snapshots"));

      StreamClient stream = server.connect("/ws/stream?filter=gray");
      byte[] jpeg = TestImages.astronautJpeg(320, 240);
      List<JsonObject> flowing = new ArrayList<>();
      long id = 0;
      while (flowing.size() < 2) {
        // Frames go one at a time; the feed's messages are looked at between them.
        assertTrue(id < 100_000, "no two snapshots with frames flowing");
        stream.sendFrame(++id, jpeg);
        stream.awaitAnswer();
        JsonObject snapshot = feed.pollSnapshot();
        if (snapshot != null && snapshot.getDouble("framesIn") > 0) {
          flowing.add(snapshot);
        }
      }

      JsonObject first = flowing.get(0);
      JsonObject second = flowing.get(1);
      assertEquals(FIELDS, first.fieldNames());
      assertEquals("snapshot", first.getString("type"));
      assertTrue(second.getLong("t") > first.getLong("t"));
      assertTrue(second.getJsonObject("totals").getLong("received") > first.getJsonObject("totals").getLong("received"));
      assertTrue(second.getJsonObject("totals").getLong("processed") > first.getJsonObject("totals").getLong("processed"));
      assertEquals(1, second.getLong("sessions"));
      assertEquals(2, second.getJsonObject("workers").getInteger("count"));
      assertTrue(second.getJsonObject("workers").getDouble("utilisation") > 0);
      assertTrue(second.getJsonObject("workers").getJsonObject("frames").getDouble("processed") > 0, second.encode());
      // The server's own node, reporting as every node of a cluster does.
      JsonObject nodes = second.getJsonObject("cluster");
      assertEquals(1, nodes.getJsonArray("nodes").size(), nodes.encode());
      assertEquals(2, nodes.getJsonObject("totals").getLong("workers"), nodes.encode());
      assertTrue(second.getJsonObject("memory").getLong("heapUsed") > 0);
      assertTrue(second.getJsonObject("memory").getLong("rss") > 0);
      assertNotNull(second.getJsonObject("cpu").getDouble("process"));
      assertEquals(Set.of("replaced", "socket_full", "error", "closed", "late", "memory"),
          second.getJsonObject("drops").fieldNames());
      JsonObject gray = second.getJsonObject("filters").getJsonObject("gray");
      assertTrue(gray.getDouble("in") > 0 && gray.getDouble("out") > 0);
      JsonArray total = gray.getJsonObject("latency").getJsonArray("total");
      assertEquals(3, total.size());
      assertTrue(total.getDouble(0) > 0 && total.getDouble(0) <= total.getDouble(1)
          && total.getDouble(1) <= total.getDouble(2), "p50 <= p95 <= p99: " + total);
      assertTrue(second.getJsonObject("eventBus").getJsonObject("livelens.frames").getDouble("sent") > 0);
      stream.close();
      feed.close();
    }
  }

  /** The registry is read once a tick: two dashboards get the very same text. */
  @Test
  void everyDashboardGetsTheSameSnapshot() throws Exception {
    try (TestServer server = TestServer.start()) {
      FeedClient one = FeedClient.connect(server.vertx, server.port());
      FeedClient two = FeedClient.connect(server.vertx, server.port());
      one.next();
      two.next();

      // The two may have joined a tick apart: line their snapshots up by time first.
      String fromOne = one.nextText();
      String fromTwo = two.nextText();
      while (time(fromOne) != time(fromTwo)) {
        if (time(fromOne) < time(fromTwo)) {
          fromOne = one.nextText();
        } else {
          fromTwo = two.nextText();
        }
      }

      assertEquals(fromOne, fromTwo);
      one.close();
      two.close();
    }
  }

  private static long time(String snapshot) {
    return new JsonObject(snapshot).getLong("t");
  }

  @Test
  void feedRefusesAPageFromAnotherOrigin() throws Exception {
    try (TestServer server = TestServer.start()) {
      WebSocketConnectOptions foreign = new WebSocketConnectOptions().setPort(server.port()).setHost("127.0.0.1")
          .setURI("/ws/metrics").addHeader("Origin", "http://evil.example");

      UpgradeRejectedException refused = assertThrows(UpgradeRejectedException.class,
          () -> FeedClient.connect(server.vertx, foreign));

      assertEquals(403, refused.getStatus());
    }
  }
}
