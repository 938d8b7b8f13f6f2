package dev.livelens.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.BadFrames;
import dev.livelens.testing.RawHttp;
import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The configurable limits of the stream endpoint, each hit on purpose. */
class StreamLimitsTest {

  private static TestServer server;

  @BeforeAll
  static void startServer() {
    server = TestServer.start("--max-connections-per-address", "2", "--garbage-limit", "5",
        "--max-text-messages-per-second", "5", "--max-frame-bytes", String.valueOf(100 * 1024),
        "--idle-timeout-seconds", "3");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void connectionOverThePerAddressLimitGetsBusyAndTheSlotComesBackOnClose() throws Exception {
    StreamClient first = server.connect().skipGreeting();
    StreamClient second = server.connect().skipGreeting();
    try (StreamClient third = server.connect()) {
      third.expectError("busy", null);
      assertEquals((short) 1013, third.closeStatus.get(5, TimeUnit.SECONDS));
    }
    first.close();
    awaitSessions(1);
    try (StreamClient again = server.connect().skipGreeting()) {
      again.sendFrame(1, TestImages.faceFrame());
      assertEquals(1, again.next("image").id());
    }
    second.close();
  }

  @Test
  void clientThatOnlySendsGarbageIsClosedAfterTheLimit() throws Exception {
    try (StreamClient client = server.connect().skipGreeting()) {
      for (int id = 0; id < 5; id++) {
        client.sendFrame(id, BadFrames.notAnImage());
      }
      for (int id = 0; id < 5; id++) {
        client.expectError("bad_frame", (long) id);
      }
      assertEquals((short) 1008, client.closeStatus.get(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void aGoodFrameResetsTheGarbageCount() {
    try (StreamClient client = server.connect().skipGreeting()) {
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 4; i++) {
          client.sendFrame(i, BadFrames.notAnImage());
          client.expectError("bad_frame", (long) i);
        }
        client.sendFrame(100 + round, TestImages.faceFrame());
        assertEquals(100 + round, client.next("image").id());
      }
      assertFalse(client.isClosed());
    }
  }

  @Test
  void textMessagesOverTheRateAreRefusedAndTheConnectionStays() {
    try (StreamClient client = server.connect().skipGreeting()) {
      for (int i = 0; i < 8; i++) {
        client.sendText(new JsonObject().put("type", "filter").put("filter", "gray").encode());
      }
      int applied = 0;
      int refused = 0;
      for (int i = 0; i < 8; i++) {
        String type = client.next().type();
        if ("filter".equals(type)) {
          applied++;
        } else {
          refused++;
        }
      }
      assertTrue(applied >= 5 && refused >= 1, applied + " applied, " + refused + " refused");
      client.sendFrame(1, TestImages.faceFrame());
      assertEquals(1, client.next("image").id());
    }
  }

  @Test
  void aFloodOfTextMessagesIsClosedLikeGarbage() throws Exception {
    try (StreamClient client = server.connect().skipGreeting()) {
      // Five pass the limit of five a second; the five refused after them reach the garbage limit.
      for (int i = 0; i < 10; i++) {
        client.sendText(new JsonObject().put("type", "filter").put("filter", "gray").encode());
      }
      assertEquals((short) 1008, client.closeStatus.get(5, TimeUnit.SECONDS));
    }
  }

  /** Without the skip, a client sending 3 s of tiny messages had ~100 MB of errors queued for it. */
  @Test
  void nothingIsQueuedForAClientThatDoesNotRead() throws Exception {
    try (TestServer lenient = TestServer.start("--max-text-messages-per-second", "5",
            "--garbage-limit", "1000000");
        Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096); // a client that reads nothing, with no room to hide bytes
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", lenient.port()));
      OutputStream out = socket.getOutputStream();
      out.write(RawHttp.upgrade(lenient.port(), null).getBytes(StandardCharsets.US_ASCII));
      byte[] batch = new byte[5000 * 7];
      for (int i = 0; i < batch.length; i += 7) {
        // A masked (zero key) text frame of one byte: each is refused with a busy error of ~90 bytes.
        batch[i] = (byte) 0x81;
        batch[i + 1] = (byte) 0x81;
        batch[i + 6] = 'x';
      }
      long sent = 0;
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      while (System.nanoTime() < end) {
        out.write(batch);
        sent += batch.length / 7;
      }
      socket.setSoTimeout(2000);
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[1 << 16];
      long queued = 0;
      try {
        for (int n; (n = in.read(buffer)) > 0; ) {
          queued += n;
        }
      } catch (java.net.SocketTimeoutException drained) {
        // everything the server had for this client has arrived
      }
      // The write queue (256 KB) plus what the kernel buffers on the way.
      assertTrue(queued < 16 * 1024 * 1024, queued + " bytes were queued for " + sent + " messages");
    }
  }

  @Test
  void singleFrameOverTheSocketLimitClosesWithMessageTooBigWhileOthersCarryOn() throws Exception {
    try (StreamClient other = server.connect().skipGreeting();
         StreamClient client = server.connect().skipGreeting()) {
      client.sendSingleFrame(1, new byte[1024 * 1024]); // over --max-websocket-frame-bytes (256 KiB)
      // Netty refuses the frame header with 1009 and drops the connection before reading the payload;
      // a client still writing may only see the abnormal close (1006).
      short status = client.closeStatus.get(5, TimeUnit.SECONDS);
      assertTrue(status == 1009 || status == 1006, "close status " + status);
      other.sendFrame(2, TestImages.faceFrame());
      assertEquals(2, other.next("image").id());
    }
  }

  @Test
  void silentHalfOpenConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.getOutputStream().write(RawHttp.upgrade(server.port(), null).getBytes(StandardCharsets.US_ASCII));
      socket.setSoTimeout(15_000);
      InputStream in = socket.getInputStream();
      long start = System.nanoTime();
      // Read the greeting and pings without ever answering; the server must hang up on its own.
      while (in.read() != -1) {
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(12), "still open after 12 s");
      }
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      assertTrue(seconds >= 2, "closed too early: " + seconds + " s");
    }
    awaitSessions(0);
  }

  private static void awaitSessions(int expected) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    double sessions = -1;
    while (System.nanoTime() < deadline) {
      sessions = server.registry.get("livelens.sessions").gauge().value();
      if (sessions == expected) {
        return;
      }
      sleep(20);
    }
    assertEquals(expected, sessions, "open sessions");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
