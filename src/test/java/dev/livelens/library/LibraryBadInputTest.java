package dev.livelens.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.FileServer;
import dev.livelens.testing.OnDatabase;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestDatabase;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bad requests get their status and error code, and leave the library as it was. On SQLite here, on
 * PostgreSQL in {@link LibraryBadInputOnPostgresTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LibraryBadInputTest implements OnDatabase {

  private TestDatabase database;
  private TestServer server;
  private ApiClient api;
  private Path files;
  private FileServer fileServer;
  private String video;

  @BeforeAll
  void start() throws Exception {
    files = TempDirs.create("livelens-bad-input-");
    TestVideos.make(files, "clip.mp4", 4);
    fileServer = FileServer.serve(files);
    database = database();
    server = TestServer.start(database.serverFlags("--workers", "1"));
    api = new ApiClient(server.port());
    video = TestVideos.add(server, files.resolve("clip.mp4"), "Clip", api.guest()).id();
  }

  @AfterAll
  void stop() {
    server.close();
    database.close();
    fileServer.close();
    TempDirs.delete(files);
  }

  @Test
  void cutsOutsideTheVideoOrBackwardsAreUnprocessable() throws Exception {
    expect(422, "bad_range", "POST", "/api/videos/" + video + "/cuts", "{\"start\":3,\"end\":2}");
    expect(422, "bad_range", "POST", "/api/videos/" + video + "/cuts", "{\"start\":2,\"end\":2}");
    expect(422, "bad_range", "POST", "/api/videos/" + video + "/cuts", "{\"start\":1,\"end\":60}");
    expect(422, "bad_range", "POST", "/api/videos/" + video + "/cuts", "{\"start\":-1,\"end\":2}");
    expect(400, "bad_request", "POST", "/api/videos/" + video + "/cuts", "{\"start\":\"a\",\"end\":2}");
    expect(400, "bad_request", "POST", "/api/videos/" + video + "/cuts", "not json");
    assertEquals(1, api.json("/api/videos").getInteger("total"), "no video was made");
  }

  @Test
  void unknownIdsAndPathsAreNotFound() throws Exception {
    expect(404, "not_found", "POST", "/api/videos/AAAAAAAAAAAAAAAA/cuts", "{\"start\":0,\"end\":1}");
    expect(404, "not_found", "POST", "/api/videos/..%2F..%2Fetc/cuts", "{\"start\":0,\"end\":1}");
    expect(404, "not_found", "GET", "/api/videos/..%2Flivelens.db", null);
    expect(404, "not_found", "GET", "/api/jobs/AAAAAAAAAAAAAAAA", null);
    expect(404, "not_found", "DELETE", "/api/videos/AAAAAAAAAAAAAAAA", null);
    assertEquals(404, api.get("/api/videos/" + video + "/original.mp4").statusCode());
  }

  @Test
  void aProcessingWithAnUnknownFilterOrBadParamsIsUnprocessable() throws Exception {
    expect(422, "unknown_filter", "POST", "/api/videos/" + video + "/process", "{\"filter\":\"sepia\"}");
    expect(422, "bad_params", "POST", "/api/videos/" + video + "/process",
        "{\"filter\":\"edges\",\"params\":{\"nope\":1}}");
  }

  @Test
  void invisibleTitlesAndDirectionOverridesAreRefusedAndTheTitleStays() throws Exception {
    String before = api.json("/api/videos/" + video).getString("title");
    for (String title : new String[] {"\u200B\u200B\u200B", "\u200D\uFEFF\u2060", "evil\u202Egnp.exe",
        "a\u2066b\u2069", "\u3164"}) {
      expect(400, "bad_title", "PATCH", "/api/videos/" + video, new JsonObject().put("title", title).encode());
    }
    assertEquals(before, api.json("/api/videos/" + video).getString("title"), "the title is unchanged");
    HttpResponse<String> renamed = api.send("PATCH", "/api/videos/" + video,
        new JsonObject().put("title", "Cafe\u0301").encode());
    assertEquals(200, renamed.statusCode(), renamed.body());
    assertEquals("Caf\u00e9", api.json("/api/videos/" + video).getString("title"), "stored normalised (NFC)");
    api.send("PATCH", "/api/videos/" + video, new JsonObject().put("title", before).encode());
  }

  @Test
  void titlesThatAreTooLongAreRefusedAndHtmlIsKeptAsText() throws Exception {
    String tenKb = "x".repeat(10 * 1024);
    expect(400, "bad_title", "PATCH", "/api/videos/" + video, new JsonObject().put("title", tenKb).encode());
    expect(413, "too_large", "POST", "/api/videos/" + video + "/cuts", "{\"pad\":\"" + "y".repeat(20_000) + "\"}");
    String html = "<img src=x onerror=alert(1)>";
    HttpResponse<String> renamed = api.send("PATCH", "/api/videos/" + video, new JsonObject().put("title", html).encode());
    assertEquals(200, renamed.statusCode(), renamed.body());
    assertEquals(html, api.json("/api/videos/" + video).getString("title"));
  }

  @Test
  void importsOfPrivateAddressesAreRefusedWithoutTheSwitch() throws Exception {
    expect(422, "url_refused", "POST", "/api/imports", new JsonObject().put("url", fileServer.url("clip.mp4")).encode());
    expect(422, "url_refused", "POST", "/api/imports", "{\"url\":\"http://169.254.169.254/latest/meta-data/\"}");
    expect(422, "url_refused", "POST", "/api/imports", "{\"url\":\"http://[::1]:8080/a.mp4\"}");
    expect(400, "bad_url", "POST", "/api/imports", "{\"url\":\"file:///etc/passwd\"}");
    expect(400, "bad_url", "POST", "/api/imports", "{\"url\":42}");
    assertEquals(1, api.json("/api/videos").getInteger("total"), "no video was made");
  }

  @Test
  void anImportOfThisServersOwnNonLoopbackAddressIsRefused() throws Exception {
    InetAddress own = NetworkInterface.networkInterfaces().filter(nic -> !isLoopback(nic))
        .flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst().orElse(null);
    assumeTrue(own != null, "this machine has no non-loopback IPv4 address");
    String metrics = "http://" + own.getHostAddress() + ":" + server.port() + "/metrics";
    expect(422, "url_refused", "POST", "/api/imports", new JsonObject().put("url", metrics).encode());
    assertEquals(1, api.json("/api/videos").getInteger("total"), "no video was made");
  }

  private static boolean isLoopback(NetworkInterface nic) {
    try {
      return nic.isLoopback();
    } catch (SocketException e) {
      return true;
    }
  }

  @Test
  void withTheSwitchImportsWorkAndDeadOrBadUrlsFailCleanly() throws Exception {
    Files.writeString(files.resolve("page.html"), "<html>not a video</html>");
    try (TestDatabase own = database();
        TestServer open = TestServer.start(own.serverFlags("--workers", "1", "--allow-private-urls"))) {
      ApiClient client = new ApiClient(open.port());
      HttpResponse<String> accepted = client.send("POST", "/api/imports",
          new JsonObject().put("url", fileServer.url("moved/clip.mp4")).encode());
      assertEquals(202, accepted.statusCode(), accepted.body());
      JsonObject imported = client.awaitVideo(new JsonObject(accepted.body()).getString("id"), LibraryApiTest.PATIENCE);
      assertEquals("ready", imported.getString("status"), imported.encode());
      assertEquals("url", imported.getString("source"));
      assertEquals(4000, imported.getLong("durationMs"), 200);

      HttpResponse<String> dead = client.send("POST", "/api/imports", "{\"url\":\"http://127.0.0.1:1/gone.mp4\"}");
      assertEquals(422, dead.statusCode(), dead.body());
      assertEquals("url_unreachable", new JsonObject(dead.body()).getString("error"));
      expect(client, 422, "url_unreachable", "POST", "/api/imports",
          new JsonObject().put("url", fileServer.url("missing.mp4")).encode());

      HttpResponse<String> notVideo = client.send("POST", "/api/imports",
          new JsonObject().put("url", fileServer.url("page.html")).encode());
      assertEquals(202, notVideo.statusCode(), notVideo.body());
      String id = new JsonObject(notVideo.body()).getString("id");
      JsonObject failed = client.awaitVideo(id, LibraryApiTest.PATIENCE);
      assertEquals("failed", failed.getString("status"), failed.encode());
      assertTrue(failed.getString("reason") != null && !failed.getString("reason").isBlank(), failed.encode());
      Path dir = open.server.library().orElseThrow().store().directory(id);
      assertTrue(!Files.exists(dir), "a failed import leaves no files");
    }
  }

  private void expect(int status, String code, String method, String path, String body) throws Exception {
    expect(api, status, code, method, path, body);
  }

  private static void expect(ApiClient client, int status, String code, String method, String path, String body)
      throws Exception {
    HttpResponse<String> response = client.send(method, path, body);
    assertEquals(status, response.statusCode(), method + " " + path + ": " + response.body());
    assertEquals(code, new JsonObject(response.body()).getString("error"), response.body());
  }
}
