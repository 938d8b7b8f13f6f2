package dev.livelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.Hazelcast;
import dev.livelens.config.LiveLensConfig;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.metrics.PipelineMetrics;
import dev.livelens.metrics.VertxWithMetrics;
import dev.livelens.testing.PrometheusText;
import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A node runs what its role says: everything, only the HTTP side, or only the workers. */
class NodeRolesTest {

  @Test
  void aWorkerNodeServesHealthInfoAndMetricsButNoPages() throws Exception {
    try (TestServer node = TestServer.start("--role", "worker", "--workers", "1", "--node-name", "w1")) {
      JsonObject info = new JsonObject(node.get("/api/info").body());
      assertEquals("worker", info.getString("role"));
      assertEquals(1, info.getInteger("workers"));
      assertEquals(200, node.get("/healthz").status());
      PrometheusText metrics = node.scrape();
      assertEquals(1.0, metrics.value("livelens_node", Map.of("role", "worker", "node", "w1")),
          "the scrape names the role and the node");
      assertEquals(1.0, metrics.value("livelens_workers", Map.of("node", "w1")));
      assertEquals(404, node.get("/").status());
      assertEquals(404, node.get("/api/filters").status());
    }
  }

  @Test
  void withoutTheClusterSwitchNoHazelcastRuns() throws Exception {
    try (TestServer node = TestServer.start("--workers", "1")) {
      assertFalse(node.vertx.isClustered());
      assertEquals(false, new JsonObject(node.get("/api/info").body()).getBoolean("cluster"));
      assertEquals(Set.of(), Hazelcast.getAllHazelcastInstances(), "no Hazelcast member in this JVM");
      assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("hz.")),
          "no Hazelcast thread");
    }
  }

  @Test
  void anHttpNodeWithoutWorkersAnswersFramesBusy() throws Exception {
    try (TestServer node = TestServer.start("--role", "http");
        StreamClient client = node.connect("/ws/stream?filter=gray").skipGreeting()) {
      assertEquals("http", new JsonObject(node.get("/api/info").body()).getString("role"));
      assertEquals(1.0, node.scrape().value("livelens_node", Map.of("role", "http")));
      client.sendFrame(1, TestImages.faceFrame());
      JsonObject error = client.expectError("busy", 1L);
      assertTrue(error.getString("message").contains("no worker"), error.encode());
    }
  }

  @Test
  void anHttpNodeUsesTheWorkersOfAWorkerNodeOnTheSameBus() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = VertxWithMetrics.create(registry);
    Path dataDir = TempDirs.create("livelens-roles-");
    try {
      PipelineMetrics metrics = new PipelineMetrics(registry);
      LiveLensServer.start(vertx, config("worker", dataDir), FilterCatalog.standard(), metrics).await();
      LiveLensServer http = LiveLensServer.start(vertx, config("http", dataDir), FilterCatalog.standard(), metrics)
          .await();
      try (StreamClient client = StreamClient.connect(vertx, http.port(), "/ws/stream?filter=edges", null)
          .skipGreeting()) {
        client.sendFrame(9, TestImages.faceFrame());
        assertEquals(9, client.next("image").id());
      }
    } finally {
      vertx.close().await();
      TempDirs.delete(dataDir);
    }
  }

  private static LiveLensConfig config(String role, Path dataDir) {
    return LiveLensConfig.load(new String[] {"--role", role, "--port", "0", "--host", "127.0.0.1", "--workers", "1",
        "--data-dir", dataDir.toString(), "--warmup-seconds", "0"}, Map.of());
  }
}
