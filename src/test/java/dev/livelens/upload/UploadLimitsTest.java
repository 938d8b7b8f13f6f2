package dev.livelens.upload;

import static dev.livelens.upload.TusProtocolTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The limits and the restart: each refusal with its tus status, and nothing already received lost. */
class UploadLimitsTest {

  @Test
  void anUploadOverMaxUploadBytesGets413AndKeepsWhatItHad() {
    try (TestServer server = TestServer.start("--max-upload-bytes", "4096")) {
      TusClient tus = new TusClient(server.port());
      assertEquals(413, tus.send(tus.creation(5000, null)).statusCode());
      String upload = tus.create(-1, null);
      byte[] first = bytes(3000, 1);
      assertEquals(204, tus.patch(upload, 0, first, -1).statusCode());
      HttpResponse<String> over = tus.patch(upload, 3000, bytes(2000, 2), -1);
      assertEquals(413, over.statusCode());
      assertEquals("too_large", new JsonObject(over.body()).getString("error"));
      assertEquals(3000, tus.offset(upload));
      assertEquals(413, tus.patch(upload, 3000, bytes(10, 3), 5000).statusCode(), "a declared length over the limit");
      assertEquals(204, tus.patch(upload, 3000, bytes(1096, 4), 4096).statusCode(), "up to the limit is fine");
    }
  }

  @Test
  void anAddressHasAtMostItsUploadsInProgressAndADeletedOneGivesItsPlaceBack() {
    try (TestServer server = TestServer.start("--max-uploads-per-address", "3")) {
      TusClient tus = new TusClient(server.port());
      String first = tus.create(1000, null);
      tus.create(1000, null);
      tus.create(-1, null);
      HttpResponse<String> refused = tus.send(tus.creation(1000, null));
      assertEquals(429, refused.statusCode(), refused.body());
      assertEquals("too_many_uploads", new JsonObject(refused.body()).getString("error"));
      assertEquals(204, tus.delete(first).statusCode());
      assertEquals(201, tus.send(tus.creation(1000, null)).statusCode(), "the deleted upload's place is free");
    }
  }

  @Test
  void aPersonHasAtMostTheirUploadsInProgressFromAnyAddress() throws Exception {
    try (TestServer server = TestServer.start("--max-uploads-per-address", "2")) {
      TusClient tus = new TusClient(server.port());
      tus.create(1000, null);
      tus.create(1000, null);
      String cookie = tus.cookieLine();
      // The same person (the same cookie) from another address of this machine: their own limit holds.
      String refused = createFrom("127.0.0.2", server.port(), cookie);
      assertEquals("429", refused.substring(9, 12), refused);
      assertTrue(refused.contains("\"too_many_uploads\"") && refused.contains("You have 2 uploads"), refused);
      // Someone else from that address is not counted against them.
      String other = createFrom("127.0.0.2", server.port(), "");
      assertEquals("201", other.substring(9, 12), other);
    }
  }

  /** A tus creation sent from {@code localAddress}, with the Cookie line given: the whole answer. */
  private static String createFrom(String localAddress, int port, String cookieLine) throws Exception {
    try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(localAddress), 0)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST /api/uploads HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
          + "Tus-Resumable: 1.0.0\r\nUpload-Length: 1000\r\nContent-Length: 0\r\nConnection: close\r\n" + cookieLine
          + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void declaredLengthsAreHeldAgainstTheQuotaFromCreationUntilTheUploadEnds() throws Exception {
    Path dataDir = TempDirs.create("livelens-reserve-");
    try (TestServer server = TestServer.start("--data-dir", dataDir.toString(), "--max-data-bytes", "1048576")) {
      TusClient tus = new TusClient(server.port());
      String big = tus.create(700_000, null);
      HttpResponse<String> refused = tus.send(tus.creation(700_000, null));
      assertEquals(413, refused.statusCode(), refused.body());
      JsonObject body = new JsonObject(refused.body());
      assertEquals("quota_full", body.getString("error"));
      assertEquals(true, body.getString("message").contains("1048576"), "the limit is named: " + body);
      assertEquals(1, Files.list(dataDir.resolve("uploads")).count(), "the refused upload left nothing");
      assertEquals(204, tus.delete(big).statusCode());
      assertEquals(201, tus.send(tus.creation(700_000, null)).statusCode(), "the deleted one's bytes are free");
    } finally {
      TempDirs.delete(dataDir);
    }
  }

  @Test
  void aFullMediaQuotaGets507AndKeepsWhatWasReceived() throws Exception {
    Path dataDir = TempDirs.create("livelens-quota-");
    try (TestServer server = TestServer.start("--data-dir", dataDir.toString(), "--max-data-bytes", "1048576")) {
      TusClient tus = new TusClient(server.port());
      String upload = tus.create(-1, null);
      byte[] first = bytes(700_000, 1);
      assertEquals(204, tus.patch(upload, 0, first, -1).statusCode());
      HttpResponse<String> full = tus.patch(upload, 700_000, bytes(700_000, 2), -1);
      assertEquals(507, full.statusCode());
      assertEquals("disk_full", new JsonObject(full.body()).getString("error"));
      assertEquals(700_000, tus.offset(upload));
      assertArrayEquals(first, Files.readAllBytes(dataDir.resolve("uploads").resolve(id(upload)).resolve("data")));
      assertEquals(204, tus.patch(upload, 700_000, bytes(100_000, 3), -1).statusCode(), "what fits still goes in");
    } finally {
      TempDirs.delete(dataDir);
    }
  }

  @Test
  void aRestartFindsUnfinishedUploadsAndAnExpiredOneAnswers410() throws Exception {
    Path dataDir = TempDirs.create("livelens-restart-");
    byte[] whole = bytes(50_000, 9);
    String kept;
    String stale;
    TusClient browser;
    try (TestServer server = TestServer.start("--data-dir", dataDir.toString())) {
      TusClient tus = new TusClient(server.port());
      browser = tus;
      kept = tus.create(-1, "kept.webm");
      stale = tus.create(-1, null);
      assertEquals(204, tus.patch(kept, 0, Arrays.copyOf(whole, 20_000), -1).statusCode());
      assertEquals(204, tus.patch(stale, 0, bytes(1000, 1), -1).statusCode());
    }
    // As if the expiry hours had passed while the server was down.
    Path info = dataDir.resolve("uploads").resolve(id(stale)).resolve("upload.json");
    Files.writeString(info, new JsonObject(Files.readString(info)).put("expiresAt", 1000L).encode());
    try (TestServer server = TestServer.start("--data-dir", dataDir.toString())) {
      TusClient tus = browser.at(server.port()); // the same browser, whose uploads they are
      assertEquals(410, tus.head(stale).statusCode());
      assertEquals(410, tus.patch(stale, 1000, bytes(10, 2), -1).statusCode());
      assertEquals(false, Files.exists(dataDir.resolve("uploads").resolve(id(stale)).resolve("data")),
          "the cleaner deleted the expired upload's data");
      assertEquals(20_000, tus.offset(kept));
      HttpResponse<String> done = tus.patch(kept, 20_000, Arrays.copyOfRange(whole, 20_000, whole.length),
          whole.length);
      assertEquals(204, done.statusCode());
      String video = done.headers().firstValue("Livelens-Video-Id").orElseThrow();
      assertArrayEquals(whole, Files.readAllBytes(dataDir.resolve("media").resolve(video).resolve("original.webm")));
      assertEquals("failed", UploadVideos.await(tus, video).getString("status"), "random bytes are no video");
    } finally {
      TempDirs.delete(dataDir);
    }
  }

  private static String id(String upload) {
    return upload.substring(upload.lastIndexOf('/') + 1);
  }
}
