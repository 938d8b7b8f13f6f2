package dev.livelens.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.Ffprobe;
import dev.livelens.testing.NodeProcess;
import dev.livelens.testing.PrometheusText;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A job on an HTTP-only node of a cluster: the node has no workers, so every frame of the job crosses the
 * clustered bus to the job worker of a worker node in another JVM, and its answer comes back.
 */
class JobsAcrossNodesTest {

  @Test
  void aVideoIsProcessedByTheJobWorkerOfAWorkerNodeInAnotherJvm() throws Exception {
    Path files = TempDirs.create("livelens-cluster-jobs-");
    int clusterPort = NodeProcess.freePort();
    try (TestServer http = TestServer.start("--role", "http", "--node-name", "http-j", "--cluster",
            "--cluster-port", String.valueOf(clusterPort));
        NodeProcess worker = NodeProcess.start("--role", "worker", "--workers", "1", "--node-name", "worker-j",
            "--cluster", "--cluster-port", String.valueOf(NodeProcess.freePort()),
            "--cluster-members", "127.0.0.1:" + clusterPort).awaitHealthy()) {
      ApiClient api = new ApiClient(http.port());
      String video = TestVideos.add(http, TestVideos.make(files, "clip.mp4", 2), "Two seconds").id();

      HttpResponse<String> accepted = api.send("POST", "/api/videos/" + video + "/process", "{\"filter\":\"edges\"}");
      assertEquals(202, accepted.statusCode(), accepted.body());
      JsonObject done = api.awaitVideo(new JsonObject(accepted.body()).getString("id"), Duration.ofSeconds(90));

      assertEquals("ready", done.getString("status"), done.encode() + "\n" + worker.logText());
      Path mp4 = api.download(done.getString("mp4"), files.resolve("processed.mp4"));
      assertEquals(2.0, Ffprobe.durationSeconds(Ffprobe.probe(mp4)), 0.3);
      HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + worker.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
      PrometheusText metrics = PrometheusText.parse(scrape.body());
      assertTrue(metrics.value("livelens_job_worker_busy_seconds_total", Map.of("node", "worker-j")) > 0,
          "the worker node's job worker processed the job's frames");
    } finally {
      TempDirs.delete(files);
    }
  }
}
