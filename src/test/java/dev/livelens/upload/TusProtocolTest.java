package dev.livelens.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.Ffprobe;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestMedia;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tus protocol as an independent client sees it, on one server with default limits. */
class TusProtocolTest {

  static final int CHUNK = 32 * 1024;
  private static Path dataDir;
  private static TestServer server;
  private static TusClient tus;

  @BeforeAll
  static void start() {
    dataDir = TempDirs.create("livelens-tus-");
    server = TestServer.start("--data-dir", dataDir.toString());
    tus = new TusClient(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    TempDirs.delete(dataDir);
  }

  @Test
  void optionsListsVersionExtensionsAndChecksums() {
    HttpResponse<String> options = tus.options();
    assertEquals(204, options.statusCode());
    assertEquals("1.0.0", options.headers().firstValue("Tus-Version").orElse(""));
    assertEquals(List.of("creation", "creation-defer-length", "checksum", "termination", "expiration"),
        List.of(options.headers().firstValue("Tus-Extension").orElse("").split(",")));
    assertTrue(options.headers().firstValue("Tus-Checksum-Algorithm").orElse("").contains("sha256"));
  }

  @Test
  void aDeferredUploadInterruptedAndResumedArrivesWholeAndBecomesASeekableVideo() throws Exception {
    byte[] webm = TestMedia.webm(3);
    String upload = tus.create(-1, "camera.webm");
    assertEquals("1", tus.head(upload).headers().firstValue("Upload-Defer-Length").orElse(""));
    int offset = 0;
    for (; offset < 2 * CHUNK; offset += CHUNK) {
      assertEquals(204, tus.patch(upload, offset, Arrays.copyOfRange(webm, offset, offset + CHUNK), -1).statusCode());
    }
    // The connection drops in the middle of a chunk sent without a checksum: what arrived is kept.
    try (Socket dropped = tus.partialPatch(upload, offset, Arrays.copyOfRange(webm, offset, offset + CHUNK),
        CHUNK / 2, false)) {
      Thread.sleep(200);
    }
    String video = resume(upload, webm);

    assertTrue(video.matches("[A-Za-z0-9_-]{16}"), video);
    assertEquals(String.valueOf(webm.length), tus.head(upload).headers().firstValue("Upload-Length").orElse(""));
    Path original = dataDir.resolve("media").resolve(video).resolve("original.webm");
    assertArrayEquals(TusClient.digest(webm), TusClient.digest(Files.readAllBytes(original)));
    JsonObject ready = UploadVideos.await(tus, video);
    assertEquals("ready", ready.getString("status"), ready.encode());
    assertEquals("camera.webm", ready.getString("title"));
    assertEquals("upload", ready.getString("source"));
    JsonObject remuxed = Ffprobe.probe(dataDir.resolve("media").resolve(video).resolve("remuxed.webm"));
    assertEquals("vp8", Ffprobe.video(remuxed).getString("codec_name"));
    assertEquals(3.0, Ffprobe.durationSeconds(remuxed), 0.2);
  }

  /** What a client does after an interruption: ask HEAD for the offset and send the rest from there. */
  static String resume(String upload, byte[] bytes) throws InterruptedException {
    while (true) {
      long offset = tus.offset(upload);
      int end = (int) Math.min(bytes.length, offset + CHUNK);
      HttpResponse<String> patched = tus.patch(upload, offset, Arrays.copyOfRange(bytes, (int) offset, end),
          end == bytes.length ? bytes.length : -1);
      if (patched.statusCode() == 409 || patched.statusCode() == 423) {
        Thread.sleep(50); // the interrupted PATCH is still being settled
        continue;
      }
      assertEquals(204, patched.statusCode(), patched.body());
      assertEquals(String.valueOf(end), patched.headers().firstValue("Upload-Offset").orElse(""));
      if (end == bytes.length) {
        return patched.headers().firstValue("Livelens-Video-Id").orElseThrow();
      }
    }
  }

  @Test
  void aPatchAtTheWrongOffsetGets409AndChangesNothing() {
    String upload = tus.create(-1, null);
    byte[] first = bytes(100, 1);
    assertEquals(204, tus.patch(upload, 0, first, -1).statusCode());
    HttpResponse<String> wrong = tus.patch(upload, 50, bytes(100, 2), -1);
    assertEquals(409, wrong.statusCode());
    assertEquals("wrong_offset", new JsonObject(wrong.body()).getString("error"));
    assertEquals("100", wrong.headers().firstValue("Upload-Offset").orElse(""));
    assertEquals(100, tus.offset(upload));
    assertEquals(204, tus.patch(upload, 100, bytes(50, 3), 150).statusCode());
  }

  @Test
  void aChunkWithAWrongChecksumGets460IsDiscardedAndCanBeSentAgain() throws Exception {
    byte[] chunk = bytes(4000, 7);
    String upload = tus.create(8000, null);
    assertEquals(204, tus.patch(upload, 0, chunk, -1).statusCode());
    HttpResponse<String> bad = tus.send(tus.patchRequest(upload, 4000, chunk, -1)
        .header("Upload-Checksum", "sha256 " + TusClient.sha256(bytes(4000, 8))));
    assertEquals(460, bad.statusCode());
    assertEquals("checksum_mismatch", new JsonObject(bad.body()).getString("error"));
    assertEquals(4000, tus.offset(upload));
    assertEquals(4000, Files.size(dataDir.resolve("uploads").resolve(upload.substring(upload.lastIndexOf('/') + 1))
        .resolve("data")), "the bad chunk's bytes are gone from the file");
    HttpResponse<String> again = tus.patch(upload, 4000, chunk, -1);
    assertEquals(204, again.statusCode());
    assertFalse(again.headers().firstValue("Livelens-Video-Id").orElse("").isEmpty());
  }

  @Test
  void requestsWithoutTusResumableGet412AndChangeNothing() {
    String upload = tus.create(-1, null);
    assertEquals(204, tus.patch(upload, 0, bytes(10, 1), -1).statusCode());
    HttpResponse<String> patch = tus.send(java.net.http.HttpRequest.newBuilder(tus.uri(upload))
        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes(10, 2)))
        .header("Content-Type", "application/offset+octet-stream").header("Upload-Offset", "10"));
    assertEquals(412, patch.statusCode());
    assertEquals("1.0.0", patch.headers().firstValue("Tus-Version").orElse(""));
    HttpResponse<String> create = tus.send(java.net.http.HttpRequest.newBuilder(tus.uri("/api/uploads"))
        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).header("Upload-Defer-Length", "1"));
    assertEquals(412, create.statusCode());
    assertTrue(create.headers().firstValue("Location").isEmpty());
    assertEquals(10, tus.offset(upload));
  }

  @Test
  void anUnknownUploadIs404() {
    assertEquals(404, tus.head("/api/uploads/AAAAAAAAAAAAAAAAAAAAAA").statusCode());
    assertEquals(404, tus.patch("/api/uploads/AAAAAAAAAAAAAAAAAAAAAA", 0, bytes(5, 1), -1).statusCode());
    assertEquals(404, tus.head("/api/uploads/..%2F..%2Fetc").statusCode());
  }

  @Test
  void aSecondPatchWhileOneIsWritingGets423AndTheFirstCompletes() throws Exception {
    byte[] chunk = bytes(200_000, 5);
    // The probe that waits for the first PATCH's lock holds the lock itself for a moment: if the first
    // PATCH arrives just then, it is the one refused (423). Then start again with a new upload.
    List<String> missed = new java.util.ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      String upload = tus.create(-1, null);
      try (Socket first = tus.partialPatch(upload, 0, chunk, 1000, true)) {
        if (!awaitLocked(upload)) {
          first.setSoTimeout(2_000);
          missed.add(answer(first));
          assertTrue(attempt < 3, "the first PATCH never held the upload; it was answered " + missed);
          continue;
        }
        HttpResponse<String> second = tus.patch(upload, 0, bytes(10, 6), -1);
        assertEquals(423, second.statusCode());
        assertEquals("locked", new JsonObject(second.body()).getString("error"));
        OutputStream rest = first.getOutputStream();
        rest.write(chunk, 1000, chunk.length - 1000);
        rest.flush();
        assertEquals("HTTP/1.1 204", answer(first));
      }
      assertEquals(chunk.length, tus.offset(upload));
      return;
    }
  }

  private static String answer(Socket socket) {
    try {
      return new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  /** Until the first PATCH has the lock: a zero-byte PATCH at the current offset answers 423 then. */
  private static boolean awaitLocked(String upload) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (tus.patch(upload, 0, new byte[0], -1).statusCode() == 423) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  @Test
  void terminationDeletesTheUpload() {
    String upload = tus.create(100, null);
    assertEquals(204, tus.patch(upload, 0, bytes(40, 1), -1).statusCode());
    assertEquals(204, tus.delete(upload).statusCode());
    assertEquals(404, tus.head(upload).statusCode());
    assertFalse(Files.exists(dataDir.resolve("uploads").resolve(upload.substring(upload.lastIndexOf('/') + 1))));
  }

  @Test
  void aBodyThatIsNotAVideoEndsAsAFailedVideoWithItsReasonAndNoFiles() {
    byte[] text = "this is a shopping list, not a video".getBytes(StandardCharsets.UTF_8);
    String upload = tus.create(text.length, "list.webm");
    HttpResponse<String> done = tus.patch(upload, 0, text, -1);
    assertEquals(204, done.statusCode());
    String video = done.headers().firstValue("Livelens-Video-Id").orElseThrow();
    JsonObject failed = UploadVideos.await(tus, video);
    assertEquals("failed", failed.getString("status"));
    assertTrue(failed.getString("reason").startsWith("this file is not a video FFmpeg can read"),
        failed.getString("reason"));
    assertFalse(Files.exists(dataDir.resolve("media").resolve(video)), "a failed video leaves no files");
    assertFalse(Files.exists(dataDir.resolve("uploads").resolve(upload.substring(upload.lastIndexOf('/') + 1))
        .resolve("data")), "nor the upload's data");
  }

  static byte[] bytes(int n, int seed) {
    byte[] bytes = new byte[n];
    new java.util.Random(seed).nextBytes(bytes);
    return bytes;
  }
}
