package dev.livelens.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server killed outright (SIGKILL) while recording: the next start finds the fragmented file, finalises
 * it and lists the video, with at most the last fragment lost.
 */
class RecordingCrashTest {

  @Test
  void aRecordingCutShortByACrashIsFinalisedAtTheNextStart() throws Exception {
    Path dataDir = TempDirs.create("livelens-crash-");
    Vertx vertx = Vertx.vertx();
    Process server = null;
    try {
      int port = freePort();
      server = startServerProcess(port, dataDir);
      awaitHealthy(port);
      String video;
      try (StreamClient client = StreamClient.connect(vertx, port, "/ws/stream?filter=gray", null).skipGreeting()) {
        client.sendText("{\"type\":\"record\",\"on\":true}");
        video = client.awaitRecording("started", Duration.ofSeconds(10)).getString("video");
        // 4 s at about 30 fps: two keyframes at least, so fragments are on disk
        client.streamAtCameraPace(Duration.ofSeconds(4), TestImages.faceFrame(), 1, message -> { });
        server.destroyForcibly().waitFor();
      }
      try (TestServer restarted = TestServer.start("--data-dir", dataDir.toString())) {
        JsonObject info = new JsonObject(restarted.get("/api/videos/" + video).body());
        assertEquals("ready", info.getString("status"), info.encode());
        assertEquals("recovered after the server stopped", info.getString("reason"));
        assertTrue(info.getLong("durationMs") >= 1400, "at most the last fragment lost: " + info.encode());
      }
    } finally {
      if (server != null) {
        server.destroyForcibly();
      }
      vertx.close().await();
      TempDirs.delete(dataDir);
    }
  }

  /** The server as `java -jar` would run it, from the test's own classpath, in a process of its own. */
  private static Process startServerProcess(int port, Path dataDir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), "dev.livelens.Main",
        "--port", String.valueOf(port), "--host", "127.0.0.1", "--workers", "1", "--data-dir", dataDir.toString(),
        "--warmup-seconds", "0");
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(new File(dataDir.toFile(), "server.log")).start();
  }

  private static void awaitHealthy(int port) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the server process did not become healthy");
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
