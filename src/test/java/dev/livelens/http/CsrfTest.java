package dev.livelens.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.livelens.testing.CookieClient;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests that change something, refused when a browser says another site's page sent them. */
class CsrfTest {

  private static final String PASSWORD = "correct horse battery";
  private static TestServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = TestServer.start("--allowed-origins", "https://lens.example.org");
    new CookieClient(server.port()).signUp("Victim", PASSWORD);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void aLoginFromAForeignOriginIs403AndSignsNobodyIn() throws Exception {
    CookieClient browser = new CookieClient(server.port());
    HttpResponse<String> refused = browser.send(login().header("Origin", "https://evil.example.com"));
    assertEquals(403, refused.statusCode());
    assertEquals("forbidden_origin", error(refused));
    assertEquals(401, browser.get("/api/me").statusCode());
  }

  @Test
  void aRequestTheBrowserMarksCrossSiteIs403() throws Exception {
    HttpResponse<String> refused = new CookieClient(server.port()).send(login().header("Sec-Fetch-Site", "cross-site"));
    assertEquals(403, refused.statusCode());
    assertEquals("cross_site", error(refused));
  }

  @Test
  void theServersOwnOriginAConfiguredOneAndNoBrowserAtAllMayPost() throws Exception {
    String own = "http://127.0.0.1:" + server.port();
    assertEquals(200, new CookieClient(server.port()).send(login().header("Origin", own)
        .header("Sec-Fetch-Site", "same-origin")).statusCode());
    assertEquals(200, new CookieClient(server.port()).send(login().header("Origin", "https://lens.example.org"))
        .statusCode());
    assertEquals(200, new CookieClient(server.port()).send(login()).statusCode(), "curl sends no Origin");
  }

  @Test
  void anUploadOrADeletionFromAForeignOriginIs403() throws Exception {
    CookieClient browser = new CookieClient(server.port());
    HttpResponse<String> upload = browser.send(browser.request("/api/uploads").header("Tus-Resumable", "1.0.0")
        .header("Upload-Length", "10").header("Origin", "https://evil.example.com")
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(403, upload.statusCode());
    HttpResponse<String> delete = browser.send(browser.request("/api/videos/AAAAAAAAAAAAAAAA")
        .header("Origin", "null").DELETE());
    assertEquals(403, delete.statusCode(), "a sandboxed page's origin is 'null'");
    HttpResponse<String> ownUpload = browser.send(browser.request("/api/uploads").header("Tus-Resumable", "1.0.0")
        .header("Upload-Length", "10").header("Origin", "http://127.0.0.1:" + server.port())
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(201, ownUpload.statusCode(), ownUpload.body());
  }

  @Test
  void aFormPostToAJsonRouteIs415() throws Exception {
    CookieClient browser = new CookieClient(server.port());
    for (String path : new String[] {"/api/auth/login", "/api/imports", "/api/videos/AAAAAAAAAAAAAAAA/cuts"}) {
      HttpResponse<String> form = browser.send(browser.request(path).header("Content-Type", "text/plain")
          .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"http://example.org/a.mp4\"}")));
      assertEquals(415, form.statusCode(), path);
      assertEquals("unsupported_media_type", error(form), path);
    }
    HttpResponse<String> rename = browser.send(browser.request("/api/videos/AAAAAAAAAAAAAAAA")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}")));
    assertEquals(415, rename.statusCode(), "no content type at all");
  }

  private static HttpRequest.Builder login() {
    return new CookieClient(server.port()).request("/api/auth/login").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(CookieClient.credentials("Victim", PASSWORD).encode()));
  }

  private static String error(HttpResponse<String> response) {
    return new JsonObject(response.body()).getString("error");
  }
}
