package dev.livelens.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.FileServer;
import dev.livelens.testing.Ffprobe;
import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A recording does not wait behind FFmpeg work started from its own event loop: with one event loop, an
 * import whose download the test holds (so its FFmpeg runs for as long as the test likes) runs through the
 * whole recording, and the recording still keeps its frames.
 */
class RecordingBesideJobsTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static Path files;
  private static FileServer fileServer;
  private static TestServer server;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    files = TempDirs.create("livelens-beside-jobs-");
    TestVideos.make(files, "clip.mp4", 4);
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
  void aRecordingKeepsItsFramesWhileAnFfmpegJobFromTheSameEventLoopRuns() throws Exception {
    fileServer.holdDownloadsAfter(Files.size(files.resolve("clip.mp4")) / 2);
    HttpResponse<String> accepted = api.send("POST", "/api/imports",
        new JsonObject().put("url", fileServer.url("clip.mp4")).encode());
    assertEquals(202, accepted.statusCode(), accepted.body());
    String job = new JsonObject(accepted.body()).getString("id");
    assertTrue(fileServer.awaitHeld(1, Duration.ofSeconds(20)), "the import's FFmpeg started its download");

    int answered;
    JsonObject finished;
    boolean finishedWhileHeld;
    try (StreamClient client = server.connect("/ws/stream?filter=none").skipGreeting()) {
      client.sendText("{\"type\":\"record\",\"on\":true}");
      client.awaitRecording("started", Duration.ofSeconds(10));
      answered = client.streamAtCameraPace(Duration.ofSeconds(3), TestImages.astronautJpeg(320, 240), 1, m -> { });
      client.sendText("{\"type\":\"record\",\"on\":false}");
      finished = ended(client, Duration.ofSeconds(10));
      // The FFmpeg job ran through the whole recording, and its end.
      finishedWhileHeld = finished != null && fileServer.held() == 1
          && "running".equals(api.json("/api/jobs/" + job).getString("state"));
      fileServer.release();
      if (finished == null) {
        finished = ended(client, PATIENCE);
      }
    } finally {
      fileServer.release();
    }

    System.out.println("recording beside a running FFmpeg job: " + answered + " frames answered, the recording "
        + "ended with " + finished + (finishedWhileHeld ? " while the job ran" : " after the job was released"));
    assertEquals("finished", finished == null ? null : finished.getString("state"), String.valueOf(finished));
    JsonObject recorded = api.awaitVideo(finished.getString("video"), PATIENCE);
    assertEquals("ready", recorded.getString("status"), recorded.encode());
    Path file = api.download(recorded.getString("mp4"), files.resolve("recorded.mp4"));
    int frames = Integer.parseInt(Ffprobe.video(Ffprobe.probe(file)).getString("nb_read_frames"));
    System.out.printf("recording beside a running FFmpeg job: %d frames in the file of %d answered (%.1f %%)%n",
        frames, answered, 100.0 * frames / answered);
    assertTrue(answered >= 60, "the stream was answered at about camera pace: " + answered + " frames in 3 s");
    assertTrue(frames >= 0.95 * answered, frames + " frames recorded of " + answered + " answered; " + finished.encode());
    assertTrue(finishedWhileHeld, "the recording finished while the FFmpeg job was still running");
    assertEquals("ready", api.awaitVideo(job, PATIENCE).getString("status"), "the import finished once released");
  }

  /** The recording's last message ("finished" or "failed"), or null when it did not come within {@code wait}. */
  private static JsonObject ended(StreamClient client, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
      StreamClient.Incoming message = client.poll(Duration.ofNanos(left));
      if (message != null && "recording".equals(message.type())
          && List.of("finished", "failed").contains(message.json().getString("state"))) {
        return message.json();
      }
    }
    return null;
  }
}
