package dev.livelens.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.filter.Filter;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.filter.FilterSpec;
import dev.livelens.filter.ParamSpec;
import dev.livelens.testing.StreamClient;
import dev.livelens.testing.StreamClient.Incoming;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/** Faults inside the server: a filter that throws, workers that go away and come back, clients that vanish. */
class WorkerFaultsTest {

  /** A filter with a bug: it throws on every frame, an exception or, like a failed huge allocation, an Error. */
  static final class ExplodingFilter implements Filter {
    static final FilterSpec SPEC = new FilterSpec("explode", "Throws on every frame",
        List.of(ParamSpec.bool("error", false, "throw an Error instead of an exception")));

    @Override
    public FilterSpec spec() {
      return SPEC;
    }

    @Override
    public Mat apply(Mat frame, JsonObject params, JsonObject state, JsonObject report) {
      if (params.getBoolean("error")) {
        throw new OutOfMemoryError("simulated: no memory for this frame");
      }
      throw new IllegalStateException("boom");
    }
  }

  private static TestServer server;

  @BeforeAll
  static void startServer() {
    server = TestServer.start(FilterCatalog.standard().add(ExplodingFilter.SPEC, ExplodingFilter::new),
        "--max-connections-per-address", "4");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void filterThatThrowsGivesThatFrameAnErrorAndTheWorkerServesTheNext() {
    try (StreamClient client = server.connect("/ws/stream?filter=explode").skipGreeting()) {
      client.sendFrame(1, TestImages.faceFrame());
      client.expectError("internal", 1L);
      client.selectFilter("explode", new JsonObject().put("error", true));
      client.next("filter");
      long sentAt = System.nanoTime();
      client.sendFrame(7, TestImages.faceFrame());
      client.expectError("internal", 7L);
      assertTrue(System.nanoTime() - sentAt < TimeUnit.SECONDS.toNanos(2), "answered at once, not at the timeout");
      client.selectFilter("gray", new JsonObject());
      client.next("filter");
      for (int id = 2; id < 6; id++) {
        client.sendFrame(id, TestImages.faceFrame());
        assertEquals(id, client.next("image").id());
      }
    }
  }

  @Test
  void streamsReportBusyWhileWorkersAreGoneAndRecoverWhenTheyReturn() {
    try (StreamClient client = server.connect("/ws/stream?filter=edges").skipGreeting()) {
      assertEquals("image", exchange(client, 1).type());
      server.server.undeployWorkers().await();
      Incoming during = exchange(client, 2);
      assertEquals("error", during.type());
      assertEquals("busy", during.json().getString("code"));
      assertEquals(2, during.json().getLong("id"));
      server.server.deployWorkers().await();
      assertEquals("image", exchange(client, 3).type());
    }
  }

  @Test
  void clientsThatDisconnectWithFramesInFlightLeaveNothingBehind() throws Exception {
    for (int round = 0; round < 20; round++) {
      StreamClient client = server.connect("/ws/stream?filter=faces").skipGreeting();
      for (int id = 0; id < 6; id++) {
        client.sendFrame(id, TestImages.faceFrame());
      }
      client.close();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline && (gauge("livelens.sessions") > 0 || gauge("livelens.frames.in.flight") > 0)) {
      Thread.sleep(50);
    }
    assertEquals(0, gauge("livelens.sessions"), "sessions");
    assertEquals(0, gauge("livelens.frames.in.flight"), "frames in flight");
    // The per-address limit (4) would refuse these if closed connections had kept their slots.
    for (int i = 0; i < 4; i++) {
      try (StreamClient client = server.connect().skipGreeting()) {
        assertEquals("image", exchange(client, i).type());
      }
    }
  }

  /** Sends one frame and returns its answer: the image reply or the error naming it. */
  private static Incoming exchange(StreamClient client, long id) {
    client.sendFrame(id, TestImages.faceFrame());
    while (true) {
      Incoming message = client.next();
      if (message.isImage() && message.id() == id) {
        return message;
      }
      if ("error".equals(message.type())) {
        assertTrue(message.json().getLong("id") == id, message.json().encode());
        return message;
      }
    }
  }

  private static double gauge(String name) {
    return server.registry.get(name).gauge().value();
  }

}
