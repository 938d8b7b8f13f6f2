package dev.livelens.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.Ffprobe;
import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A variable-frame-rate video (what a server recording is: frames on a 30 fps grid, with gaps where the
 * stream was slower) keeps its timing through a filter and through cuts: the new video lasts as long as
 * its source, within one frame, and plays at the same speed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VariableFrameRateTest {

  private static final double FRAME = 1 / 30.0;

  private TestServer server;
  private ApiClient api;
  private Path files;
  private String video;
  private double sourceSeconds;

  @BeforeAll
  void start() throws Exception {
    files = TempDirs.create("livelens-vfr-");
    Path source = files.resolve("vfr.mp4");
    // 6 s at a nominal 30 fps: 3 frames of every 7 kept, and every frame of 2-3 s: 97 frames, 16 fps on average.
    run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=30", "-t", "6", "-vf",
        "select='lt(mod(n\\,7)\\,3)+between(n\\,60\\,90)'", "-fps_mode", "passthrough", "-c:v", "libx264",
        "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "30", source.toString());
    server = TestServer.start("--workers", "1");
    api = new ApiClient(server.port());
    Video added = TestVideos.add(server, source, "Variable", api.guest());
    video = added.id();
    sourceSeconds = Ffprobe.durationSeconds(Ffprobe.probe(server.server.library().orElseThrow().store().mp4(video)));
    assertEquals(5.93, sourceSeconds, 0.05, "the source as packaged (remuxed: its timing as it was)");
  }

  @AfterAll
  void stop() {
    server.close();
    TempDirs.delete(files);
  }

  @Test
  void aFilterOverAVariableFrameRateVideoKeepsItsLength() throws Exception {
    JsonObject made = made("/process", "{\"filter\":\"edges\"}");
    JsonObject probe = Ffprobe.probe(server.server.library().orElseThrow().store().mp4(made.getString("id")));
    double seconds = Ffprobe.durationSeconds(probe);
    assertEquals(sourceSeconds, seconds, FRAME, "the processed video lasts as long as its source");
    int frames = Integer.parseInt(Ffprobe.video(probe).getString("nb_read_frames"));
    assertTrue(frames >= 97 && frames <= Math.ceil(sourceSeconds * 30) + 1,
        "every source frame, at most one per 30th of a second: " + frames);
    assertEquals(made.getLong("durationMs") / 1000.0, seconds, FRAME, "the library says how long it lasts");
  }

  @Test
  void aFilterOverAServerRecordingWithAPauseKeepsItsLength() throws Exception {
    String recording;
    try (StreamClient client = server.connect("/ws/stream?filter=gray").skipGreeting()) {
      client.sendText("{\"type\":\"record\",\"on\":true}");
      recording = client.awaitRecording("started", Duration.ofSeconds(10)).getString("video");
      client.streamAtCameraPace(Duration.ofMillis(1500), TestImages.faceFrame(), 1, message -> { });
      Thread.sleep(1500); // the camera stops sending for 1.5 s: the recording has a gap there
      client.streamAtCameraPace(Duration.ofMillis(1500), TestImages.faceFrame(), 1000, message -> { });
      client.sendText("{\"type\":\"record\",\"on\":false}");
      client.awaitRecording("finished", LibraryApiTest.PATIENCE);
    }
    Path recorded = server.server.library().orElseThrow().store().mp4(recording);
    JsonObject source = Ffprobe.probe(recorded);
    double seconds = Ffprobe.durationSeconds(source);
    assertTrue(seconds > 4, "the recording spans both bursts and the pause: " + seconds + " s");
    String id = made(recording, "/process", "{\"filter\":\"edges\"}").getString("id");
    double processed = Ffprobe.durationSeconds(Ffprobe.probe(server.server.library().orElseThrow().store().mp4(id)));
    assertEquals(seconds, processed, FRAME, "the processed recording lasts as long as the recording ("
        + Ffprobe.video(source).getString("nb_read_frames") + " frames)");
  }

  @Test
  void cutsOfAVariableFrameRateVideoKeepTheirTiming() throws Exception {
    double exact = Ffprobe.durationSeconds(Ffprobe.probe(server.server.library().orElseThrow().store()
        .mp4(made("/cuts", "{\"start\":1.0,\"end\":4.0,\"exact\":true}").getString("id"))));
    assertEquals(3.0, exact, FRAME + 0.01, "an exact cut of 1-4 s");
    double fast = Ffprobe.durationSeconds(Ffprobe.probe(server.server.library().orElseThrow().store()
        .mp4(made("/cuts", "{\"start\":1.0,\"end\":4.0,\"exact\":false}").getString("id"))));
    assertEquals(3.0, fast, 1.0 + FRAME, "a fast cut of 1-4 s starts at the keyframe at or before 1 s");
  }

  private JsonObject made(String what, String body) throws Exception {
    return made(video, what, body);
  }

  private JsonObject made(String from, String what, String body) throws Exception {
    HttpResponse<String> accepted = api.send("POST", "/api/videos/" + from + what, body);
    assertEquals(202, accepted.statusCode(), accepted.body());
    JsonObject done = api.awaitVideo(new JsonObject(accepted.body()).getString("id"), LibraryApiTest.PATIENCE);
    assertEquals("ready", done.getString("status"), done.encode());
    return done;
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(List.of(command)).inheritIO().start();
    assertEquals(0, process.waitFor(), String.join(" ", command));
  }
}
