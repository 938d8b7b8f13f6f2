package dev.livelens.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.StreamClient;
import dev.livelens.testing.StreamClient.Incoming;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random binary and text messages on one real socket (seeded, so a failure can be replayed): every
 * message with a frame id gets exactly one answer, the connection survives, and so does a neighbour.
 */
class SocketFuzzTest {

  private static final long SEED = 20261123L;
  private static final int MESSAGES = 600;

  @Test
  void randomMessagesAreEachAnsweredAndNothingBreaks() {
    Random random = new Random(SEED);
    byte[] good = TestImages.faceFrame();
    try (TestServer server = TestServer.start("--garbage-limit", "100000",
            "--max-text-messages-per-second", "100000", "--max-in-flight", "64");
         StreamClient client = server.connect().skipGreeting();
         StreamClient neighbour = server.connect().skipGreeting()) {
      Set<Long> expected = new HashSet<>();
      int withoutId = 0;
      for (int i = 0; i < MESSAGES; i++) {
        long id = i;
        switch (random.nextInt(5)) {
          case 0 -> {
            byte[] noise = new byte[random.nextInt(4)];
            random.nextBytes(noise);
            client.sendRaw(Buffer.buffer(noise));
            withoutId++;
          }
          case 1 -> {
            byte[] noise = new byte[4 + random.nextInt(2000)];
            random.nextBytes(noise);
            client.sendFrame(id, noise);
            expected.add(id);
          }
          case 2 -> {
            byte[] damaged = good.clone();
            for (int k = 0; k < 1 + random.nextInt(6); k++) {
              damaged[random.nextInt(damaged.length)] ^= (byte) (1 + random.nextInt(255));
            }
            client.sendFrame(id, damaged);
            expected.add(id);
          }
          case 3 -> {
            client.sendText(randomText(random));
            withoutId++;
          }
          default -> {
            client.sendFrame(id, good);
            expected.add(id);
          }
        }
      }
      // Frames may be dropped (newest wins); the stats say how many. Settled: nothing in flight and
      // every frame with an id answered once or counted as dropped.
      Set<Long> answered = new HashSet<>();
      int answers = 0;
      long dropped = -1;
      long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
      while (answered.size() + dropped != expected.size() && System.nanoTime() < deadline) {
        Incoming message = client.poll(java.time.Duration.ofSeconds(2));
        if (message == null) {
          continue;
        }
        Long id = message.isImage() ? Long.valueOf(message.id())
            : "error".equals(message.type()) ? message.json().getLong("id") : null;
        if (id != null && expected.contains(id)) {
          assertTrue(answered.add(id), "answered twice: " + id);
        }
        if ("stats".equals(message.type()) && message.json().getInteger("inFlight") == 0) {
          dropped = message.json().getLong("dropped");
        } else {
          answers++;
        }
      }
      assertEquals(expected.size(), answered.size() + dropped, "answered or dropped");
      assertTrue(answers >= answered.size() + withoutId / 2, "texts and short messages got errors too");
      assertFalse(client.isClosed());
      neighbour.sendFrame(1, good);
      StreamClient.Incoming reply = neighbour.next();
      assertEquals("image", reply.type(), String.valueOf(reply.json()));
    }
  }

  private static String randomText(Random random) {
    String[] pieces = {"{", "}", "\"type\"", ":", "\"frame\"", "\"filter\"", ",", "\"id\"", "1e99", "-1", "null",
        "\"data\"", "\"edges\"", "\"params\"", "[", "]", "\"low\"", "9999", "\"\\u0000\"", "true"};
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 1 + random.nextInt(14); i++) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    return text.toString();
  }
}
