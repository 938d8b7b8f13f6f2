package dev.livelens.social.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.JsonSocket;
import dev.livelens.testing.NodeProcess;
import dev.livelens.testing.PostgresRequired;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TwoHttpNodes;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
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

  private static TwoHttpNodes nodes;
  private static Path files;

  @BeforeAll
  static void startTwoNodes() {
    nodes = TwoHttpNodes.start("livelens-comments-cluster-");
    files = TempDirs.create("livelens-comments-cluster-files-");
  }

  @AfterAll
  static void stopNodes() {
    if (nodes != null) {
      nodes.close();
    }
    TempDirs.delete(files);
  }

  @Test
  void aCommentWrittenOnOneNodeReachesTheWatchPagesOnBoth() throws Exception {
    TestServer nodeA = nodes.a();
    NodeProcess nodeB = nodes.b();
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
