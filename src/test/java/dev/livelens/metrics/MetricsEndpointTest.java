package dev.livelens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.config.LiveLensConfig;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.testing.BadFrames;
import dev.livelens.testing.PrometheusText;
import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * /metrics after real frames went through a real socket: it parses as Prometheus text, and its
 * counters agree with what the client sent, got back and was told was dropped.
 */
class MetricsEndpointTest {

  private static final Map<String, String> GRAY = Map.of("filter", "gray");
  private static final Map<String, String> FRAMES_ADDRESS = Map.of("address", "livelens.frames");
  private static final Set<String> STAGES = Set.of("queue", "decode", "filter", "encode", "reply", "total");
  private static final List<String> QUANTILES = List.of("0.5", "0.95", "0.99");
  private static final byte[] JPEG = TestImages.astronautJpeg(320, 240);

  @Test
  void countersMatchTheFramesAClientSentAndTheAnswersItGot() throws Exception {
    try (TestServer server = TestServer.start()) {
      StreamClient client = server.connect("/ws/stream?filter=gray");
      client.sendEachAfterTheLast(1, 10, JPEG);
      client.sendFrame(11, BadFrames.truncated(JPEG));
      client.sendFrame(12, BadFrames.truncated(JPEG));
      client.awaitAnswer();
      client.awaitAnswer();

      PrometheusText metrics = server.scrape();

      assertEquals(Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), client.images);
      assertEquals(Set.of(11L, 12L), client.errors);
      assertEquals(12, metrics.value("livelens_frames_received_total", GRAY));
      assertEquals(client.images.size(), metrics.value("livelens_frames_processed_total", GRAY));
      assertEquals(client.errors.size(), metrics.value("livelens_frames_dropped_total", with(GRAY, "reason", "error")));
      assertEquals(0, metrics.sum("livelens_frames_dropped_total", with(GRAY, "reason", "replaced")));
      assertEquals(0, metrics.sum("livelens_frames_dropped_total", with(GRAY, "reason", "socket_full")));
      assertEquals(1, metrics.value("livelens_sessions", Map.of()));
      assertEquals(0, metrics.value("livelens_frames_in_flight", Map.of()));
      assertTrue(metrics.value("livelens_worker_busy_seconds_total", Map.of()) > 0);
      assertEquals(LiveLensConfig.defaults().workers(), metrics.value("livelens_workers", Map.of()));
      client.close();
    }
  }

  @Test
  void everyStageHasATimerWithItsPercentiles() throws Exception {
    try (TestServer server = TestServer.start()) {
      StreamClient client = server.connect("/ws/stream?filter=gray");
      client.sendEachAfterTheLast(1, 5, JPEG);

      PrometheusText metrics = server.scrape();

      assertEquals("summary", metrics.type("livelens_stage_seconds"));
      for (String stage : STAGES) {
        Map<String, String> labels = with(GRAY, "stage", stage);
        assertEquals(5, metrics.value("livelens_stage_seconds_count", labels), stage);
        double below = 0;
        for (String quantile : QUANTILES) {
          double value = metrics.value("livelens_stage_seconds", with(labels, "quantile", quantile));
          assertTrue(value >= below, stage + ": quantile " + quantile + " is " + value + ", the one before " + below);
          below = value;
        }
      }
      client.close();
    }
  }

  /** The event bus carries each accepted frame to a worker once; refused frames never reach it. */
  @Test
  void eventBusSeriesCountTheFramesSentToTheWorkers() throws Exception {
    try (TestServer server = TestServer.start("--workers", "2")) {
      StreamClient client = server.connect("/ws/stream?filter=gray");
      client.sendEachAfterTheLast(1, 7, JPEG);
      client.sendFrame(8, BadFrames.truncated(JPEG));
      client.awaitAnswer();

      PrometheusText metrics = server.scrape();

      assertEquals(7, metrics.sum("vertx_eventbus_sent_total", FRAMES_ADDRESS));
      assertEquals(7, metrics.sum("vertx_eventbus_received_total", FRAMES_ADDRESS));
      assertEquals(7, metrics.sum("vertx_eventbus_delivered_total", FRAMES_ADDRESS));
      assertEquals(0, metrics.sum("vertx_eventbus_pending", FRAMES_ADDRESS));
      assertEquals(2, metrics.value("vertx_eventbus_handlers", FRAMES_ADDRESS));
      assertFalse(metrics.samples("vertx_eventbus_processed_total", FRAMES_ADDRESS).isEmpty());
      client.close();
    }
  }

  /** With one frame in flight and the worker held, every frame but the newest waiting one is replaced. */
  @Test
  void framesSentBackToBackAreReplacedAndCountedAsDrops() throws Exception {
    HoldFilter.closeGate();
    FilterCatalog catalog = FilterCatalog.standard().add(HoldFilter.SPEC, HoldFilter::new);
    try (TestServer server = TestServer.start(catalog, "--max-in-flight", "1", "--frame-timeout-ms", "60000")) {
      Map<String, String> hold = Map.of("filter", "hold");
      StreamClient client = server.connect("/ws/stream?filter=hold");
      for (long id = 1; id <= 20; id++) {
        client.sendFrame(id, JPEG);
      }
      awaitCounter(server, "livelens_frames_received_total", hold, 20);
      HoldFilter.openGate();
      JsonObject stats = client.awaitStats(s -> s.getLong("inFlight") == 0
          && s.getLong("processed") + s.getLong("dropped") + s.getLong("errors") == 20);

      PrometheusText metrics = server.scrape();

      double processed = metrics.value("livelens_frames_processed_total", hold);
      double replaced = metrics.value("livelens_frames_dropped_total", with(hold, "reason", "replaced"));
      double errors = metrics.sum("livelens_frames_dropped_total", with(hold, "reason", "error"));
      assertEquals(20, metrics.value("livelens_frames_received_total", hold));
      assertEquals(client.images.size(), processed);
      assertEquals(Set.of(1L, 20L), client.images, "the held frame and the newest one get images");
      assertEquals((double) stats.getLong("dropped"), replaced, "the client was told of as many drops");
      assertEquals(client.errors.size(), errors);
      assertEquals(20, processed + replaced + errors);
      assertEquals(18, replaced);
      client.close();
    }
  }

  @Test
  void scrapeIsPrometheusTextWithJvmAndProcessSeries() throws Exception {
    try (TestServer server = TestServer.start()) {
      TestServer.Response response = server.get("/metrics");
      PrometheusText metrics = PrometheusText.parse(response.body());

      assertTrue(response.contentType().startsWith("text/plain; version=0.0.4"), response.contentType());
      assertTrue(metrics.sum("jvm_memory_used_bytes", Map.of("area", "heap")) > 0);
      assertTrue(metrics.value("process_memory_rss_bytes", Map.of()) > 0);
      assertTrue(metrics.value("process_cpu_time_ns_total", Map.of()) > 0);
      assertEquals("gauge", metrics.type("process_cpu_usage"));
      assertEquals("gauge", metrics.type("system_cpu_usage"));
      assertEquals(LiveLensConfig.defaults().workers(), metrics.value("system_cpu_count", Map.of()));
      assertEquals("counter", metrics.type("jvm_gc_memory_allocated_bytes_total"));
      assertFalse(metrics.samples("jvm_threads_live_threads", Map.of()).isEmpty());
    }
  }

  /** Counts can lag the socket by a moment: the frames are read on the server's event loop. */
  private static void awaitCounter(TestServer server, String name, Map<String, String> labels, double expected)
      throws TimeoutException, InterruptedException {
    double seen = 0;
    for (int attempt = 0; attempt < 400; attempt++) {
      seen = server.scrape().sum(name, labels);
      if (seen == expected) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(name + labels + " stayed at " + seen + ", expected " + expected);
  }

  private static Map<String, String> with(Map<String, String> labels, String name, String value) {
    Map<String, String> more = new java.util.HashMap<>(labels);
    more.put(name, value);
    return more;
  }
}
