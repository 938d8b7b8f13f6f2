package dev.livelens.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.NodeProcess;
import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** An HTTP-only node in this JVM and a worker-only node in another, joined by the clustered event bus. */
class ClusterStreamTest {

  @Test
  void framesThroughAnHttpNodeAreProcessedByAWorkerNodeInAnotherJvm() throws Exception {
    int clusterPort = NodeProcess.freePort();
    // A generous wait: the first frames open the event bus's connection to the worker node, cold.
    try (TestServer http = TestServer.start("--role", "http", "--node-name", "http-a", "--max-wait-ms", "5000",
            "--cluster",
            "--cluster-port", String.valueOf(clusterPort));
        NodeProcess worker = NodeProcess.start("--role", "worker", "--workers", "1", "--node-name", "worker-b",
            "--cluster", "--cluster-port", String.valueOf(NodeProcess.freePort()),
            "--cluster-members", "127.0.0.1:" + clusterPort).awaitHealthy()) {
      try (StreamClient client = http.connect("/ws/stream?filter=edges").skipGreeting()) {
        long answered = 0;
        for (long id = 1; id <= 20; id++) {
          client.sendFrame(id, TestImages.faceFrame());
          StreamClient.Incoming reply = client.next("image");
          assertEquals(id, reply.id());
          answered++;
        }
        JsonObject stats = client.awaitStats(s -> s.getLong("processed") == 20);
        assertEquals(new JsonObject().put("worker-b", 20), stats.getJsonObject("nodes"), stats.encode());
        assertEquals(20, answered);
      }
      assertTrue(http.scrape().toString().length() > 0);
    }
  }
}
