package dev.livelens.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.Ffprobe;
import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The processed stream recorded on the server, checked from outside: over the socket, the API and ffprobe. */
class ServerRecordingTest {

  private static final Duration PACKAGING = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static TestServer server;
  private static Path downloads;
  private static final List<JsonObject> SEEN = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startServer() {
    server = TestServer.start("--workers", "2", "--max-recording-seconds", "4");
    downloads = TempDirs.create("livelens-recordings-");
  }

  @BeforeEach
  void forgetMessages() {
    SEEN.clear();
  }

  @AfterAll
  static void stopServer() {
    server.close();
    TempDirs.delete(downloads);
  }

  @Test
  void aRecordedStreamBecomesAnH264VideoOfItsLengthWithItsFrames() throws Exception {
    try (StreamClient client = server.connect("/ws/stream?filter=gray").skipGreeting()) {
      client.sendText("{\"type\":\"record\",\"on\":true}");
      String video = client.awaitRecording("started", Duration.ofSeconds(10)).getString("video");
      int answered = stream(client, Duration.ofMillis(3000), 480, 1);
      client.sendText("{\"type\":\"record\",\"on\":false}");
      JsonObject finished = finished(client);

      assertEquals(video, finished.getString("video"));
      JsonObject info = new JsonObject(server.get("/api/videos/" + video).body());
      assertEquals("ready", info.getString("status"), info.encode());
      assertEquals("recording", info.getString("source"));
      HttpResponse<Void> range = HTTP.send(request(info.getString("mp4"))
          .header("Range", "bytes=0-99").build(), HttpResponse.BodyHandlers.discarding());
      assertEquals(206, range.statusCode());
      assertEquals("bytes 0-99/" + info.getLong("size"), range.headers().firstValue("Content-Range").orElse(""));

      JsonObject probe = Ffprobe.probe(download(video));
      JsonObject stream = Ffprobe.video(probe);
      assertEquals("h264", stream.getString("codec_name"));
      assertEquals(640, stream.getInteger("width"));
      double seconds = Ffprobe.durationSeconds(probe);
      assertTrue(Math.abs(seconds - 3.0) < 1.0, "recorded about 3 s, the video lasts " + seconds + " s");
      int frames = Integer.parseInt(stream.getString("nb_read_frames"));
      assertEquals(frames, finished.getInteger("frames"));
      // Every answered frame is in the video or counted as skipped by the recorder (which skips only when
      // it falls behind, on a machine busy with other work).
      assertEquals(answered, frames + finished.getInteger("skipped"), finished.encode());
      assertTrue(frames >= answered / 2, frames + " frames of " + answered + " answered");
    }
  }

  @Test
  void aStreamThatEndsFinishesItsRecordingAndFramesOfOtherSizesAreFitted() throws Exception {
    String video;
    try (StreamClient client = server.connect("/ws/stream?filter=none").skipGreeting()) {
      client.sendText("{\"type\":\"record\",\"on\":true}");
      video = client.awaitRecording("started", Duration.ofSeconds(10)).getString("video");
      stream(client, Duration.ofMillis(800), 480, 1);
      stream(client, Duration.ofMillis(800), 240, 1000);   // smaller
      stream(client, Duration.ofMillis(800), 640, 2000);   // taller than wide: the camera turned
    }
    JsonObject info = awaitReady(video);
    assertEquals(640, info.getInteger("width"));
    assertEquals(480, info.getInteger("height"));
    assertTrue(info.getLong("durationMs") > 1500, info.encode());
  }

  @Test
  void aRecordingThatReachesItsLimitFinishesItselfAndSaysWhy() {
    try (StreamClient client = server.connect("/ws/stream?filter=gray").skipGreeting()) {
      client.sendText("{\"type\":\"record\",\"on\":true}");
      client.awaitRecording("started", Duration.ofSeconds(10));
      stream(client, Duration.ofMillis(5000), 480, 1);
      JsonObject finished = finished(client);
      assertTrue(finished.getString("reason").contains("longest allowed length of 4 s"), finished.encode());
      assertTrue(finished.getLong("durationMs") <= 4000, finished.encode());
    }
  }

  @Test
  void aStopWhileStartingEndsTheOneRecordingOnceStartedAndAfterItANewOneCanStart() {
    try (StreamClient client = server.connect("/ws/stream?filter=none").skipGreeting()) {
      client.sendText("{\"type\":\"record\",\"on\":true}");
      client.sendText("{\"type\":\"record\",\"on\":true}"); // while the first is starting: not a second one
      client.sendText("{\"type\":\"record\",\"on\":false}");
      String first = client.awaitRecording("started", Duration.ofSeconds(10)).getString("video");
      JsonObject failed = nextRecordingState(client);
      if ("started".equals(failed.getString("state"))) {
        assertEquals(first, failed.getString("video"), "the second request answered with the same recording");
        failed = nextRecordingState(client);
      }
      assertEquals("failed", failed.getString("state"), failed.encode());
      assertEquals(first, failed.getString("video"));
      assertTrue(failed.getString("reason").contains("no frame was recorded"), failed.encode());

      client.sendText("{\"type\":\"record\",\"on\":true}");
      String second = client.awaitRecording("started", Duration.ofSeconds(10)).getString("video");
      assertTrue(!second.equals(first), "a new recording, not the ended one");
      client.sendText("{\"type\":\"record\",\"on\":false}");
      assertEquals(second, client.awaitRecording("failed", Duration.ofSeconds(10)).getString("video"));
    }
  }

  @Test
  void aRecordMessageWithoutOnIsABadMessage() {
    try (StreamClient client = server.connect().skipGreeting()) {
      client.sendText("{\"type\":\"record\"}");
      client.expectError("bad_message", null);
    }
  }

  /** The next recording message that is not a progress report. */
  private static JsonObject nextRecordingState(StreamClient client) {
    for (StreamClient.Incoming message = client.next(); ; message = client.next()) {
      if ("recording".equals(message.type()) && !"recording".equals(message.json().getString("state"))) {
        return message.json();
      }
    }
  }

  /** Frames of {@code height} lines streamed as a camera would; returns how many were answered with an image. */
  private static int stream(StreamClient client, Duration length, int height, long firstId) {
    byte[] frame = height == 480 ? TestImages.faceFrame() : TestImages.astronautJpeg(height == 640 ? 480 : 320,
        height);
    return client.streamAtCameraPace(length, frame, firstId, ServerRecordingTest::keepRecordingMessage);
  }

  /** Recording messages that arrive while frames are streamed are kept for the test to look at. */
  private static void keepRecordingMessage(StreamClient.Incoming message) {
    if (message != null && "recording".equals(message.type())) {
      SEEN.add(message.json());
    }
  }

  /** The recording's end, whether it came while streaming or comes later. */
  private static JsonObject finished(StreamClient client) {
    return SEEN.stream().filter(m -> "finished".equals(m.getString("state"))).findFirst()
        .orElseGet(() -> client.awaitRecording("finished", PACKAGING));
  }

  private static JsonObject awaitReady(String video) throws Exception {
    long deadline = System.nanoTime() + PACKAGING.toNanos();
    while (System.nanoTime() < deadline) {
      JsonObject info = new JsonObject(server.get("/api/videos/" + video).body());
      if (!"processing".equals(info.getString("status"))) {
        assertEquals("ready", info.getString("status"), info.encode());
        return info;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("video " + video + " still processing after " + PACKAGING);
  }

  private static Path download(String video) throws Exception {
    Path file = downloads.resolve(video + ".mp4");
    String mp4 = new JsonObject(server.get("/api/videos/" + video).body()).getString("mp4"); // a signed link
    HttpResponse<Path> response = HTTP.send(request(mp4).build(),
        HttpResponse.BodyHandlers.ofFile(file));
    assertEquals(200, response.statusCode());
    return file;
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
  }
}
