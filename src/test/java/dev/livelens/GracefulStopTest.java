package dev.livelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.CookieClient;
import dev.livelens.testing.Ffprobe;
import dev.livelens.testing.NodeProcess;
import dev.livelens.testing.RoomClient;
import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestAccounts;
import dev.livelens.testing.TestImages;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to a real node process while it records a stream and a person is in the rooms: it exits within
 * 10 s, having told both sockets it is going away (1001) and finished the recording, whose file ffprobe
 * reads to its full length before the node starts again; started again, the video is ready as it was.
 */
class GracefulStopTest {

  private static final Duration STOP_LIMIT = Duration.ofSeconds(10);
  private static final Duration STREAMED = Duration.ofMillis(2500);

  private final Vertx vertx = Vertx.vertx();
  private Path dataDir;

  @BeforeEach
  void makeDataDir() {
    dataDir = TempDirs.create("livelens-stop-");
  }

  @AfterEach
  void cleanUp() {
    vertx.close().await();
    TempDirs.delete(dataDir);
  }

  @Test
  void sigtermDuringARecordingFinishesItsFileAndTellsStreamAndRoomClientsBeforeTheNodeExits() throws Exception {
    NodeProcess node = NodeProcess.start("--workers", "1", "--data-dir", dataDir.toString()).awaitHealthy();
    String video;
    Duration stopped;
    try (RoomClient rooms = RoomClient.connect(vertx, node.port(), signUp(node.port()), null);
        StreamClient stream = StreamClient.connect(vertx, node.port(), "/ws/stream?filter=gray", null)
            .skipGreeting()) {
      rooms.next("welcome");
      stream.sendText("{\"type\":\"record\",\"on\":true}");
      video = stream.awaitRecording("started", Duration.ofSeconds(10)).getString("video");
      int answered = stream.streamAtCameraPace(STREAMED, TestImages.faceFrame(), 1, message -> { });
      assertTrue(answered > 30, "the stream was answered: " + answered + " frames");

      stopped = node.terminate(STOP_LIMIT.plusSeconds(5));
      assertEquals((short) 1001, stream.closeStatus.get(1, TimeUnit.SECONDS), "the stream client was told");
      assertEquals((short) 1001, rooms.closeStatus.get(1, TimeUnit.SECONDS), "the room client was told");
    }
    String log = node.logText();
    assertNotNull(stopped, "the node still ran " + STOP_LIMIT.plusSeconds(5) + " after SIGTERM; its log:\n" + log);
    System.out.println("SIGTERM to exit: " + stopped.toMillis() + " ms; the node's account of it:");
    log.lines().filter(line -> line.contains("StopOnSignal") || line.contains("GracefulStop")
        || line.contains("StreamRecorder")).forEach(System.out::println);
    assertTrue(stopped.compareTo(STOP_LIMIT) < 0, "the node took " + stopped.toMillis() + " ms to exit:\n" + log);

    // Before any restart: the recorded file is whole (a cut one lacks its last fragment, up to 1.5 s).
    Path original = dataDir.resolve("media").resolve(video).resolve("original.mp4");
    double seconds = Ffprobe.durationSeconds(Ffprobe.probe(original));
    assertTrue(Math.abs(seconds - STREAMED.toMillis() / 1000.0) < 0.6, "streamed for " + STREAMED + ", the file "
        + "lasts " + seconds + " s:\n" + log);
    assertTrue(Files.exists(original.resolveSibling("video.mp4")), "packaged before the exit:\n" + log);

    NodeProcess again = NodeProcess.start("--workers", "1", "--data-dir", dataDir.toString()).awaitHealthy();
    try {
      HttpResponse<String> found = new CookieClient(again.port()).get("/api/videos/" + video);
      JsonObject info = new JsonObject(found.body());
      assertEquals("ready", info.getString("status"), info.encode());
      assertFalse(String.valueOf(info.getString("reason")).contains("recovered"), info.encode());
      assertEquals("the recording ended when the server stopped", info.getString("reason"));
      assertTrue(Math.abs(info.getLong("durationMs") / 1000.0 - seconds) < 0.2, info.encode());
    } finally {
      again.close();
    }
  }

  /** A new person's session cookie, from the real sign-up. */
  private static String signUp(int port) throws Exception {
    HttpResponse<String> response = new CookieClient(port).signUp("stopper-" + System.nanoTime(),
        TestAccounts.PASSWORD);
    assertEquals(201, response.statusCode(), response.body());
    return response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
  }
}
