package dev.livelens.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.Ffprobe;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A server that stops in the middle of a job: after the restart the job is resumed or failed, never lost. */
class JobRestartTest {

  @Test
  void aJobInterruptedByAStopIsTakenUpAgainAndNothingHalfMadeIsReady() throws Exception {
    Path data = TempDirs.create("livelens-restart-");
    Path files = TempDirs.create("livelens-restart-files-");
    try {
      String job;
      try (TestServer first = TestServer.start("--workers", "1", "--data-dir", data.toString())) {
        String video = TestVideos.add(first, TestVideos.make(files, "clip.mp4", 6), "Clip").id();
        ApiClient api = new ApiClient(first.port());
        HttpResponse<String> accepted = api.send("POST", "/api/videos/" + video + "/process", "{\"filter\":\"faces\"}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        job = new JsonObject(accepted.body()).getString("id");
        awaitProgress(api, job);
      } // Vert.x stops here, mid-job

      try (TestServer second = TestServer.start("--workers", "1", "--data-dir", data.toString())) {
        ApiClient api = new ApiClient(second.port());
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
    } finally {
      TempDirs.delete(data);
      TempDirs.delete(files);
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
