package dev.livelens.http;

import dev.livelens.web.SecurityHeaders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.RawHttp;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP side: the JSON API, the page's headers, static files and the upgrade's origin check. */
class HttpApiTest {

  private static TestServer server;

  @BeforeAll
  static void startServer() {
    server = TestServer.start("--allowed-origins", "https://lens.example.org");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void filtersApiListsEveryFilterWithParameterRanges() throws Exception {
    TestServer.Response response = server.get("/api/filters");
    assertEquals(200, response.status());
    assertEquals("application/json", response.header("Content-Type"));
    JsonArray filters = new JsonArray(response.body());
    assertEquals(List.of("none", "gray", "edges", "faces", "pixelate-faces", "blur-faces", "blur-background",
        "replace-background"), filters.stream().map(f -> ((JsonObject) f).getString("name")).toList());
    JsonObject edges = filters.getJsonObject(2);
    assertEquals("edges", edges.getString("name"));
    JsonObject low = edges.getJsonArray("params").getJsonObject(0);
    assertEquals(new JsonObject().put("name", "low").put("type", "int").put("default", 50)
        .put("description", low.getString("description")).put("min", 0).put("max", 1000).put("step", 1), low);
  }

  @Test
  void healthzAnswersOk() throws Exception {
    TestServer.Response response = server.get("/healthz");
    assertEquals(200, response.status());
    assertEquals("ok", new JsonObject(response.body()).getString("status"));
  }

  @Test
  void infoNamesTheCodecInUse() throws Exception {
    JsonObject info = new JsonObject(server.get("/api/info").body());
    assertTrue(info.getString("codec").equals("turbojpeg") || info.getString("codec").equals("opencv"));
    assertEquals(1, info.getInteger("protocol"));
  }

  @Test
  void pageIsServedWithSecurityHeaders() throws Exception {
    TestServer.Response response = server.get("/");
    assertEquals(200, response.status());
    assertTrue(response.body().contains("<video"), "the page");
    assertEquals(SecurityHeaders.CONTENT_SECURITY_POLICY,
        response.header("Content-Security-Policy"));
    assertEquals("nosniff", response.header("X-Content-Type-Options"));
    assertEquals("no-referrer", response.header("Referrer-Policy"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/../pom.xml", "/%2e%2e/pom.xml", "/css/../../pom.xml", "/..%2fpom.xml",
      "/%2e%2e%2f%2e%2e%2fetc/passwd", "/../../../../etc/passwd", "/webroot/../pom.xml"})
  void staticFilesCannotEscapeWebroot(String path) {
    String head = RawHttp.get(server.port(), path);
    assertTrue(head.startsWith("HTTP/1.1 404") || head.startsWith("HTTP/1.1 400")
        || head.startsWith("HTTP/1.1 403"), path + " -> " + head.lines().findFirst().orElse(""));
  }

  @Test
  void upgradeFromAForeignOriginIsRefused() {
    String head = RawHttp.head(server.port(), RawHttp.upgrade(server.port(), "https://evil.example.com"));
    assertTrue(head.startsWith("HTTP/1.1 403"), head);
  }

  @Test
  void upgradeFromThePagesOwnOriginIsAccepted() {
    String head = RawHttp.head(server.port(), RawHttp.upgrade(server.port(), "http://127.0.0.1:" + server.port()));
    assertTrue(head.startsWith("HTTP/1.1 101"), head);
  }

  @Test
  void upgradeFromAConfiguredOriginIsAccepted() {
    String head = RawHttp.head(server.port(), RawHttp.upgrade(server.port(), "https://lens.example.org"));
    assertTrue(head.startsWith("HTTP/1.1 101"), head);
  }

  @Test
  void upgradeFromTheSameHostOnAnotherPortIsRefused() {
    String head = RawHttp.head(server.port(), RawHttp.upgrade(server.port(), "http://127.0.0.1:1"));
    assertTrue(head.startsWith("HTTP/1.1 403"), head);
  }

  @Test
  void upgradeWithoutOriginIsAcceptedForNonBrowserClients() {
    String head = RawHttp.head(server.port(), RawHttp.upgrade(server.port(), null));
    assertTrue(head.startsWith("HTTP/1.1 101"), head);
  }
}
