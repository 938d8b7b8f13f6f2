package dev.livelens.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.Ffprobe;
import dev.livelens.testing.OnDatabase;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestDatabase;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that stops: after the restart its videos are all listed again, and a job it stopped in the middle
 * of is resumed or failed, never lost. On SQLite here, on PostgreSQL in {@link RestartOnPostgresTest}.
 */
class RestartTest implements OnDatabase {

  private TestDatabase database;
  private Path data;
  private Path files;

  @BeforeEach
  void create() {
    data = TempDirs.create("livelens-restart-");
    files = TempDirs.create("livelens-restart-files-");
    database = database();
  }

  @AfterEach
  void remove() {
    database.close();
    TempDirs.delete(data);
    TempDirs.delete(files);
  }

  /**
   * A server on this test's database and data directory: each start finds what the last one left. It keeps
   * its name, as a node restarted on its port does, so it takes its own leases back at once (another node
   * would wait for them to lapse: see JobLeasesOnPostgresTest).
   */
  private TestServer startServer() {
    return TestServer.start(database.serverFlags("--workers", "1", "--data-dir", data.toString(),
        "--node-name", "restarted-node"));
  }

  @Test
  void aVideoAddedBeforeARestartIsListedAfterIt() throws Exception {
    String video;
    ApiClient owner;
    try (TestServer first = startServer()) {
      owner = new ApiClient(first.port());
      video = TestVideos.add(first, TestVideos.make(files, "clip.mp4", 2), "Kept across restarts", owner.guest()).id();
    }
    try (TestServer second = startServer()) {
      ApiClient api = owner.at(second.port()); // the same browser: its guest identity outlives the restart
      JsonObject listed = api.json("/api/videos?q=across");
      assertEquals(1, listed.getLong("total"), listed.encode());
      JsonObject found = listed.getJsonArray("videos").getJsonObject(0);
      assertEquals(video, found.getString("id"));
      assertEquals("ready", found.getString("status"));
      assertEquals(206, api.bytes(found.getString("mp4"), "bytes=0-9").statusCode(), "its media is found too");
    }
  }

  @Test
  void aJobInterruptedByAStopIsTakenUpAgainAndNothingHalfMadeIsReady() throws Exception {
    String job;
    ApiClient owner;
    try (TestServer first = startServer()) {
      String video = TestVideos.add(first, TestVideos.make(files, "clip.mp4", 6), "Clip").id();
      ApiClient api = new ApiClient(first.port());
      owner = api;
      HttpResponse<String> accepted = api.send("POST", "/api/videos/" + video + "/process", "{\"filter\":\"faces\"}");
      assertEquals(202, accepted.statusCode(), accepted.body());
      job = new JsonObject(accepted.body()).getString("id");
      awaitProgress(api, job);
    } // Vert.x stops here, mid-job

    try (TestServer second = startServer()) {
      ApiClient api = owner.at(second.port());
      JsonObject seen = api.json("/api/videos/" + job);
      assertNotEquals("ready", seen.getString("status"), "not ready before the job ran again: " + seen.encode());
      JsonObject done = api.awaitVideo(job, LibraryApiTest.PATIENCE);
      assertNotEquals("processing", done.getString("status"), done.encode());
      if ("ready".equals(done.getString("status"))) {
        Path mp4 = api.download(done.getString("mp4"), files.resolve("out.mp4"));
        assertEquals(6.0, Ffprobe.durationSeconds(Ffprobe.probe(mp4)), 0.3, "the whole video, not half of it");
      } else {
        assertTrue(done.getString("reason") != null, done.encode());
      }
      assertEquals(done.getString("status").equals("ready") ? "done" : "failed",
          api.json("/api/jobs/" + job).getString("state"));
    }
  }

  @Test
  void aVideoWhoseSourceWasWholeButNotYetPackagedIsPackagedWithItsOwnNoteNotAsRecovered() throws Exception {
    String video;
    try (TestServer first = startServer()) {
      Library library = first.server.library().orElseThrow();
      video = library.create("Recording", "recording", null).await().id();
      Files.copy(TestVideos.make(files, "clip.mp4", 2), library.store().original(video, "mp4"));
      library.sourceComplete(video, "the recording ended when the server stopped").await();
    } // stopped before packaging: the video is still processing
    try (TestServer second = startServer()) {
      JsonObject found = new ApiClient(second.port()).json("/api/videos/" + video);
      assertEquals("ready", found.getString("status"), found.encode());
      assertEquals("the recording ended when the server stopped", found.getString("reason"));
    }
  }

  private static void awaitProgress(ApiClient api, String job) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      JsonObject state = api.json("/api/jobs/" + job);
      if ("running".equals(state.getString("state")) && state.getDouble("progress") > 0.1) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the job made no progress");
  }
}
