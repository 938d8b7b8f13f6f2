package dev.livelens.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.FileServer;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jobs run two at a time even when one event loop submitted both: each import's FFmpeg is held part-way
 * through its download, and both are seen there at once.
 */
class JobsSideBySideTest {

  private static Path files;
  private static FileServer fileServer;
  private static TestServer server;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    files = TempDirs.create("livelens-side-by-side-");
    TestVideos.make(files, "clip.mp4", 2);
    fileServer = FileServer.serve(files);
    server = TestServer.start("--event-loops", "1", "--workers", "1", "--allow-private-urls");
    api = new ApiClient(server.port());
  }

  @AfterAll
  static void stop() {
    fileServer.close();
    server.close();
    TempDirs.delete(files);
  }

  @Test
  void twoJobsSubmittedFromOneEventLoopRunAtOnce() throws Exception {
    fileServer.holdDownloadsAfter(Files.size(files.resolve("clip.mp4")) / 2);
    String first = importClip();
    String second = importClip();
    boolean both;
    Map<String, String> states;
    try {
      both = fileServer.awaitHeld(2, Duration.ofSeconds(20));
      states = api.json("/api/jobs").getJsonArray("jobs").stream().map(JsonObject.class::cast)
          .collect(Collectors.toMap(job -> job.getString("video"), job -> job.getString("state")));
    } finally {
      fileServer.release();
    }
    assertTrue(both, "both imports' FFmpeg downloading at the same time; held: " + fileServer.held());
    assertEquals(Map.of(first, "running", second, "running"), states);
    assertEquals("ready", api.awaitVideo(first, LibraryApiTest.PATIENCE).getString("status"));
    assertEquals("ready", api.awaitVideo(second, LibraryApiTest.PATIENCE).getString("status"));
  }

  private String importClip() throws Exception {
    HttpResponse<String> accepted = api.send("POST", "/api/imports",
        new JsonObject().put("url", fileServer.url("clip.mp4")).encode());
    assertEquals(202, accepted.statusCode(), accepted.body());
    return new JsonObject(accepted.body()).getString("id");
  }
}
