package dev.livelens.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.NodeProcess;
import dev.livelens.testing.TempDirs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SIGTERM while a PATCH's body is coming in: the node takes the rest, answers, saves the offset, then exits. */
class UploadStopTest {

  private static final int CHUNK = 1024 * 1024;
  private Path dataDir;

  @BeforeEach
  void makeDataDir() {
    dataDir = TempDirs.create("livelens-upload-stop-");
  }

  @AfterEach
  void deleteDataDir() {
    TempDirs.delete(dataDir);
  }

  @Test
  void aChunkHalfReceivedAtSigtermIsCompletedAnsweredAndItsOffsetFoundAfterTheRestart() throws Exception {
    byte[] chunk = new byte[CHUNK];
    new Random(21).nextBytes(chunk);
    NodeProcess node = NodeProcess.start("--data-dir", dataDir.toString()).awaitHealthy();
    String upload;
    Path data;
    String answer;
    long signalled;
    TusClient tus = new TusClient(node.port());
    try {
      upload = tus.create(3L * CHUNK, "stop.webm");
      data = dataDir.resolve("uploads").resolve(upload.substring(upload.lastIndexOf('/') + 1)).resolve("data");
      try (Socket patch = tus.partialPatch(upload, 0, chunk, CHUNK / 2, true)) {
        await("the first half of the chunk reaches the data file", () -> Files.size(data) > 0);
        signalled = System.nanoTime();
        node.process().destroy(); // SIGTERM
        await("the node stops taking connections", () -> refused(node.port()));
        // A slow client: its body still coming after the second a stopping node gives plain requests.
        Thread.sleep(1500);
        OutputStream rest = patch.getOutputStream();
        rest.write(chunk, CHUNK / 2, CHUNK / 2);
        rest.flush();
        answer = head(patch.getInputStream());
      }
      assertTrue(node.process().waitFor(10_000 - elapsedMs(signalled), TimeUnit.MILLISECONDS),
          "the node still ran 10 s after SIGTERM:\n" + node.logText());
      System.out.println("SIGTERM to exit: " + elapsedMs(signalled) + " ms");
    } finally {
      node.close();
    }
    assertTrue(answer.startsWith("HTTP/1.1 204"), answer);
    assertTrue(answer.contains("Upload-Offset: " + CHUNK), answer);

    NodeProcess again = NodeProcess.start("--data-dir", dataDir.toString()).awaitHealthy();
    try {
      assertEquals(CHUNK, tus.at(again.port()).offset(upload));
      assertEquals(CHUNK, Files.size(data));
    } finally {
      again.close();
    }
  }

  @Test
  void aChunkThatStallsPastTheGraceKeepsWhatLandedAndTheNodeStillExitsWithin10Seconds() throws Exception {
    byte[] chunk = new byte[CHUNK];
    new Random(22).nextBytes(chunk);
    NodeProcess node = NodeProcess.start("--data-dir", dataDir.toString()).awaitHealthy();
    String upload;
    String answer;
    long signalled;
    TusClient tus = new TusClient(node.port());
    try {
      upload = tus.create(3L * CHUNK, "stalled.webm");
      Path data = dataDir.resolve("uploads").resolve(upload.substring(upload.lastIndexOf('/') + 1)).resolve("data");
      try (Socket patch = tus.partialPatch(upload, 0, chunk, CHUNK / 2, false)) {
        await("the first half of the chunk reaches the data file", () -> Files.size(data) > 0);
        signalled = System.nanoTime();
        node.process().destroy(); // SIGTERM; the rest of the body never comes
        answer = head(patch.getInputStream());
      }
      assertTrue(node.process().waitFor(10_000 - elapsedMs(signalled), TimeUnit.MILLISECONDS),
          "the node still ran 10 s after SIGTERM:\n" + node.logText());
      System.out.println("SIGTERM to exit with a stalled chunk: " + elapsedMs(signalled) + " ms");
    } finally {
      node.close();
    }
    assertTrue(answer.startsWith("HTTP/1.1 503"), answer);
    assertTrue(answer.contains("Retry-After: 5"), answer);
    assertTrue(answer.contains("Upload-Offset: " + CHUNK / 2), "without a checksum, what landed is kept: " + answer);

    NodeProcess again = NodeProcess.start("--data-dir", dataDir.toString()).awaitHealthy();
    try {
      assertEquals(CHUNK / 2, tus.at(again.port()).offset(upload));
    } finally {
      again.close();
    }
  }

  private static long elapsedMs(long since) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
  }

  /** The answer's status line and headers. */
  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  private static boolean refused(int port) {
    try (Socket probe = new Socket("127.0.0.1", port)) {
      return false;
    } catch (ConnectException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  /** Polls an outside observation (a file, a port) until it holds, for up to 10 s. */
  private static void await(String what, Check check) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!check.holds()) {
      assertTrue(System.nanoTime() < deadline, "not within 10 s: " + what);
      Thread.sleep(20);
    }
  }
}
