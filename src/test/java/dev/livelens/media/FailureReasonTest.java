package dev.livelens.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.TempDirs;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the bundled FFmpeg says when it fails becomes a sentence for a person, with no path of the server. */
class FailureReasonTest {

  private static Vertx vertx;
  private static Ffmpeg ffmpeg;
  private static Path dir;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    ffmpeg = Ffmpeg.locate(vertx.createSharedWorkerExecutor("test-media", 2)).orElseThrow();
    dir = TempDirs.create("livelens-reasons-");
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
    TempDirs.delete(dir);
  }

  @Test
  void ffmpegsOwnWordsBecomeASentenceWithoutAPath() throws Exception {
    byte[] noise = new byte[64 * 1024];
    new Random(7).nextBytes(noise);
    Path random = Files.write(dir.resolve("noise.bin"), noise);
    Path missing = dir.resolve("gone.mp4");
    Map<String, Path> inputs = Map.of(FailureReason.NOT_A_VIDEO, random, "FFmpeg could not make this video", missing);
    for (Map.Entry<String, Path> input : inputs.entrySet()) {
      Throwable failure = failureOf(List.of("-i", input.getValue().toString(), "-f", "null", "-"));
      assertTrue(failure instanceof FfmpegFailure, String.valueOf(failure));
      String log = ((FfmpegFailure) failure).log();
      assertTrue(log.contains(dir.toString()), "FFmpeg's words name the path: " + log);
      String reason = FailureReason.of(failure);
      assertTrue(reason.startsWith(input.getKey()), reason);
      assertFalse(reason.contains("/"), reason);
    }
  }

  @Test
  void aStoredReasonWithAPathOrAStackIsNotShown() {
    for (String leak : List.of("/srv/livelens-data/media/abc/original.mkv: End of file",
        "Status: failed (/tmp/x/original.mkv: End of file)", "java.lang.IllegalStateException: boom",
        "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55d0c1a3c2c0] moov atom not found", "")) {
      assertEquals(FailureReason.UNKNOWN, FailureReason.safe(leak), leak);
    }
    String human = "the file ends early, at 12.4 s of 60.0 s: upload it again";
    assertEquals(human, FailureReason.safe(human));
    assertEquals(FailureReason.CANCELLED, FailureReason.of(new Cancel.Cancelled()));
    assertEquals(FailureReason.UNKNOWN, FailureReason.of(new IllegalStateException("/etc/passwd")));
  }

  private static Throwable failureOf(List<String> args) {
    CompletionException thrown = assertThrows(CompletionException.class,
        () -> ffmpeg.run(args, 0, null).toCompletionStage().toCompletableFuture().join());
    return thrown.getCause();
  }
}
