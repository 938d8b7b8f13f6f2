package dev.livelens.social.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.JsonSocket;
import dev.livelens.testing.NodeProcess;
import dev.livelens.testing.PostgresRequired;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestPostgres;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Live comments across a cluster: node A in this JVM, node B in a JVM of its own, joined by Hazelcast and
 * sharing PostgreSQL and the data directory. A comment written through one node reaches the watch pages'
 * sockets on both, and so does its removal.
 */
@ExtendWith(PostgresRequired.class)
class CommentsAcrossNodesTest {

  private static final int CLUSTER_PORT = NodeProcess.freePort();
  private static TestPostgres database;
  private static Path shared;
  private static Path files;
  private static TestServer nodeA;
  private static NodeProcess nodeB;

  @BeforeAll
  static void startTwoNodes() {
    database = TestPostgres.create();
    shared = TempDirs.create("livelens-comments-cluster-");
    files = TempDirs.create("livelens-comments-cluster-files-");
    int clusterPortB = NodeProcess.freePort();
    List<String> b = new ArrayList<>(List.of("--role", "http", "--node-name", "node-b", "--cluster",
        "--cluster-port", String.valueOf(clusterPortB), "--cluster-members", "127.0.0.1:" + CLUSTER_PORT,
        "--data-dir", shared.toString()));
    b.addAll(database.flags());
    nodeB = NodeProcess.start(b.toArray(String[]::new));
    List<String> a = new ArrayList<>(List.of("--role", "all", "--workers", "1", "--node-name", "node-a",
        "--cluster", "--cluster-port", String.valueOf(CLUSTER_PORT), "--cluster-members", "127.0.0.1:" + clusterPortB,
        "--data-dir", shared.toString()));
    a.addAll(database.flags());
    nodeA = TestServer.start(a.toArray(String[]::new));
    nodeB.awaitHealthy();
  }

  @AfterAll
  static void stopNodes() {
    try {
      if (nodeB != null) {
        nodeB.close();
      }
      if (nodeA != null) {
        nodeA.close();
      }
    } finally {
      database.close();
      TempDirs.delete(shared);
      TempDirs.delete(files);
    }
  }

  @Test
  void aCommentWrittenOnOneNodeReachesTheWatchPagesOnBoth() throws Exception {
    String video = TestVideos.add(nodeA, TestVideos.make(files, "clip.mp4", 2), "Across").id(); // unlisted
    ApiClient writerOnB = new ApiClient(nodeB.port());
    try (JsonSocket onA = JsonSocket.connect(nodeA.vertx, nodeA.port(), "/ws/comments?video=" + video, null);
        JsonSocket onB = JsonSocket.connect(nodeA.vertx, nodeB.port(), "/ws/comments?video=" + video, null)) {
      onA.next("ready");
      onB.next("ready");
      JsonObject posted = CommentsApiTest.post(writerOnB, video, new JsonObject().put("text", "from node B"), 201);
      for (JsonSocket page : List.of(onA, onB)) {
        assertEquals("from node B", page.next("comment").getJsonObject("comment").getString("text"));
      }
      ApiClient writerOnA = writerOnB.at(nodeA.port()); // the same person, their cookie honoured by A
      assertEquals(204, writerOnA.send("DELETE", "/api/videos/" + video + "/comments/" + posted.getString("id"), null)
          .statusCode());
      for (JsonSocket page : List.of(onA, onB)) {
        assertEquals(posted.getString("id"), page.next("removed").getString("id"));
      }
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\nnode B's log:\n" + nodeB.logText(), e);
    }
  }
}
