package dev.livelens.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.BadFrames;
import dev.livelens.testing.StreamClient;
import dev.livelens.testing.StreamClient.Incoming;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing is lost: every frame a client sends gets exactly one of an image reply, an error naming
 * its id, or a drop counted in the connection's stats — even when clients send far faster than the
 * workers can go.
 */
class StreamAccountingTest {

  private static final int CONNECTIONS = 4;
  private static final int FRAMES_PER_CONNECTION = 750;

  private static TestServer server;

  @BeforeAll
  static void startServer() {
    server = TestServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  /** What one connection saw. */
  private record Tally(int sent, Set<Long> images, Set<Long> errors, long dropped, long received, int duplicates) {
  }

  @Test
  void everyFrameIsAnsweredErroredOrCountedAsDroppedAcrossConnections() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
    List<Future<Tally>> results = new ArrayList<>();
    String[] filters = {"faces", "edges", "gray", "none"};
    for (int c = 0; c < CONNECTIONS; c++) {
      String filter = filters[c];
      results.add(pool.submit(() -> flood(filter)));
    }
    long totalSent = 0;
    long totalImages = 0;
    long totalDropped = 0;
    for (Future<Tally> result : results) {
      Tally tally = result.get();
      assertEquals(0, tally.duplicates(), "no frame answered twice");
      assertEquals(tally.sent(), tally.received(), "the server received every frame");
      Set<Long> both = new HashSet<>(tally.images());
      both.retainAll(tally.errors());
      assertTrue(both.isEmpty(), "no frame has both an image and an error: " + both);
      assertEquals(tally.sent(), tally.images().size() + tally.errors().size() + tally.dropped(),
          "sent = images + errors + dropped for " + tally);
      assertEquals(FRAMES_PER_CONNECTION / 10, tally.errors().size(), "every corrupt frame got its error");
      totalSent += tally.sent();
      totalImages += tally.images().size();
      totalDropped += tally.dropped();
    }
    pool.shutdown();
    assertEquals(CONNECTIONS * FRAMES_PER_CONNECTION, totalSent);
    assertTrue(totalDropped > 0, "flooding must have caused drops");
    assertTrue(totalImages > CONNECTIONS, "and some frames were answered");
  }

  @Test
  void theNewestFrameIsAlwaysAnswered() {
    try (StreamClient client = server.connect("/ws/stream?filter=faces").skipGreeting()) {
      byte[] frame = TestImages.faceFrame();
      for (int id = 1; id <= 40; id++) {
        client.sendFrame(id, frame);
      }
      // Replies may overtake each other (two workers); the last frame sent is never the one dropped.
      while (client.next("image").id() != 40) {
        continue;
      }
    }
  }

  /** Sends frames back to back (every tenth corrupt), then waits until the stats account for all of them. */
  private static Tally flood(String filter) {
    try (StreamClient client = server.connect("/ws/stream?filter=" + filter).skipGreeting()) {
      byte[] good = TestImages.faceFrame();
      byte[] bad = BadFrames.truncated(good);
      for (int id = 0; id < FRAMES_PER_CONNECTION; id++) {
        client.sendFrame(id, id % 10 == 9 ? bad : good);
      }
      Set<Long> images = new HashSet<>();
      Set<Long> errors = new HashSet<>();
      int duplicates = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        Incoming message = client.poll(Duration.ofSeconds(5));
        if (message == null) {
          continue;
        }
        if (message.isImage()) {
          duplicates += images.add(message.id()) ? 0 : 1;
        } else if ("error".equals(message.type())) {
          duplicates += errors.add(message.json().getLong("id")) ? 0 : 1;
        } else if ("stats".equals(message.type())) {
          JsonObject stats = message.json();
          boolean settled = stats.getLong("received") == FRAMES_PER_CONNECTION && stats.getInteger("inFlight") == 0
              && stats.getLong("processed") == images.size() && stats.getLong("errors") == errors.size();
          if (settled) {
            return new Tally(FRAMES_PER_CONNECTION, images, errors, stats.getLong("dropped"),
                stats.getLong("received"), duplicates);
          }
        }
      }
      throw new AssertionError("stats never settled: " + images.size() + " images, " + errors.size() + " errors");
    }
  }
}
