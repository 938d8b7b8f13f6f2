package dev.livelens.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.NodeProcess;
import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.File;
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
      int port = NodeProcess.freePort();
      server = startServerProcess(port, dataDir);
      awaitHealthy(port);
      String video;
      long[] recorded = {0};
      try (StreamClient client = StreamClient.connect(vertx, port, "/ws/stream?filter=gray", null).skipGreeting()) {
        client.sendText("{\"type\":\"record\",\"on\":true}");
        video = client.awaitRecording("started", Duration.ofSeconds(10)).getString("video");
        // Until the recorder has encoded two keyframes' worth (a keyframe starts each fragment), so at
        // least one whole fragment is on disk; a busy machine takes longer than the 3 s this is at 30 fps.
        long id = 1;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (recorded[0] < 2 * 45 + 10 && System.nanoTime() < deadline) {
          client.streamAtCameraPace(Duration.ofMillis(500), TestImages.faceFrame(), id, message -> {
            if ("recording".equals(message.type())) {
              recorded[0] = Math.max(recorded[0], message.json().getLong("frames", 0L));
            }
          });
          id += 100;
        }
        server.destroyForcibly().waitFor();
      }
      try (TestServer restarted = TestServer.start("--data-dir", dataDir.toString())) {
        JsonObject info = new JsonObject(restarted.get("/api/videos/" + video).body());
        assertEquals("ready", info.getString("status"), info.encode());
        assertEquals("recovered after the server stopped", info.getString("reason"));
        assertTrue(info.getLong("durationMs") >= 1400, "at most the last fragment lost: " + info.encode());
        assertTrue(recorded[0] >= 2 * 45, "the recorder had encoded " + recorded[0] + " frames");
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

}
