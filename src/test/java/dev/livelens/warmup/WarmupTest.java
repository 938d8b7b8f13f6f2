package dev.livelens.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A server started with a warm-up: "starting" until it is over, "ok" after, and no trace in the frame counters. */
class WarmupTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void healthzSaysStartingUntilTheWarmupIsOverAndItsFramesAreNotCounted() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    root.addAppender(logged);
    try (TestServer server = TestServer.start("--warmup-seconds", "2")) {
      HttpResponse<String> starting = get(server, "/healthz");
      assertEquals(503, starting.statusCode());
      assertEquals("starting", new JsonObject(starting.body()).getString("status"));

      HttpResponse<String> ok = awaitHealthy(server, 30_000);
      assertEquals(200, ok.statusCode());
      assertEquals("ok", new JsonObject(ok.body()).getString("status"));
      List<String> info = logged.list.stream().filter(event -> event.getLevel() == Level.INFO)
          .map(ILoggingEvent::getFormattedMessage).toList();
      assertEquals(List.of(), info.stream().filter(line -> line.matches("stream \\S+ (opened|closed).*")).toList(),
          "the warm-up's streams are not logged at INFO");
      assertEquals(1, info.stream().filter(line -> line.startsWith("Warm-up done")).count(), "one summary: " + info);

      String metrics = get(server, "/metrics").body();
      assertTrue(sum(metrics, "livelens_worker_busy_seconds_total") > 0, "the warm-up's frames reached the workers");
      assertEquals(0, sum(metrics, "livelens_frames_received_total"), "warm-up frames counted as received");
      assertEquals(0, sum(metrics, "livelens_frames_processed_total"), "warm-up frames counted as processed");
      assertEquals(0, sum(metrics, "livelens_frames_dropped_total"), "warm-up frames counted as dropped");

      try (StreamClient client = server.connect("/ws/stream?filter=gray").skipGreeting()) {
        client.sendFrame(1, TestImages.faceFrame());
        assertEquals(1, client.next("image").id());
      }
      assertEquals(1, sum(get(server, "/metrics").body(), "livelens_frames_processed_total"),
          "a user's frame is counted as before");
    } finally {
      root.detachAppender(logged);
    }
  }

  private static HttpResponse<String> awaitHealthy(TestServer server, long timeoutMillis) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    HttpResponse<String> response = get(server, "/healthz");
    while (response.statusCode() != 200 && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      response = get(server, "/healthz");
    }
    return response;
  }

  /** The sum of every sample of one metric in Prometheus text; 0 when the metric is absent. */
  private static double sum(String prometheusText, String metric) {
    return prometheusText.lines()
        .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static HttpResponse<String> get(TestServer server, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
