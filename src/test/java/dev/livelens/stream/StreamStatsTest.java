package dev.livelens.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.StreamClient;
import dev.livelens.testing.StreamClient.Incoming;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stats message goes to streams with something to report, about once a second, and never to silent ones. */
class StreamStatsTest {

  @Test
  void aSilentSocketGetsNoStatsWhileAnActiveOneDoes() {
    try (TestServer server = TestServer.start("--event-loops", "1");
        StreamClient silent = server.connect().skipGreeting();
        StreamClient active = server.connect().skipGreeting()) {
      byte[] jpeg = TestImages.faceFrame();
      List<JsonObject> stats = new ArrayList<>();
      long id = 0;
      long end = System.nanoTime() + Duration.ofMillis(3500).toNanos();
      while (System.nanoTime() < end) {
        active.sendFrame(++id, jpeg);
        Incoming message;
        do {
          message = active.poll(StreamClient.TIMEOUT);
          if ("stats".equals(message.type())) {
            stats.add(message.json());
          }
        } while (!message.isImage());
        assertEquals(id, message.id());
      }
      assertTrue(stats.size() >= 2 && stats.size() <= 5, "about one stats a second while frames flow: " + stats.size());
      long sent = id;
      JsonObject settled = active.awaitStats(s -> s.getLong("received") == sent && s.getInteger("inFlight") == 0);
      assertEquals(sent, settled.getLong("processed"), "the last stats counts the last frame: " + settled.encode());

      assertNull(silent.poll(Duration.ZERO), "the silent socket heard nothing in 3.5 s");
      assertNull(active.poll(Duration.ofMillis(2500)), "once settled, no more stats for a stream that stopped");
      assertNull(silent.poll(Duration.ZERO), "still nothing for the silent socket");
    }
  }

  @Test
  void aStreamThatStartsAgainGetsStatsAgain() {
    try (TestServer server = TestServer.start();
        StreamClient client = server.connect().skipGreeting()) {
      byte[] jpeg = TestImages.faceFrame();
      client.sendFrame(1, jpeg);
      client.awaitStats(s -> s.getLong("processed") == 1 && s.getInteger("inFlight") == 0);
      assertNull(client.poll(Duration.ofMillis(1500)), "nothing new, no stats");
      client.sendFrame(2, jpeg);
      assertEquals(2, client.next("image").id());
      JsonObject again = client.awaitStats(s -> s.getLong("processed") == 2);
      assertEquals(2, again.getLong("received"));
    }
  }
}
