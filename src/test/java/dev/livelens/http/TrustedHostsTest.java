package dev.livelens.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.RawHttp;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server answers only to its own names: a DNS-rebinding page, whose Host and Origin are both its own
 * name, is refused before any route, sockets included.
 */
class TrustedHostsTest {

  private static Path files;
  private static TestServer server;
  private static String video;
  /** The video's owner: the host rule is what these tests are about, so the owner asks. */
  private static ApiClient owner;

  @BeforeAll
  static void start() {
    files = TempDirs.create("livelens-hosts-");
    server = TestServer.start("--workers", "1", "--public-url", "https://lens.example.org,http://10.1.2.3:8443");
    owner = new ApiClient(server.port());
    try {
      video = TestVideos.add(server, TestVideos.make(files, "clip.mp4", 1), "Mine", owner.guest()).id();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
    TempDirs.delete(files);
  }

  @Test
  void aRebindingPageCanNeitherChangeNorReadNorOpenASocket() throws Exception {
    String attacker = "rebind.attacker.example:" + server.port();
    String patch = rename(attacker, "http://" + attacker, "Pwned");
    assertTrue(patch.startsWith("HTTP/1.1 421"), patch);
    JsonObject error = body(patch);
    assertEquals("misdirected", error.getString("error"));
    assertTrue(error.getString("message").contains("--public-url"), error.encode());
    assertEquals("Mine", owner.json("/api/videos/" + video).getString("title"),
        "the title is unchanged");

    String read = RawHttp.exchange(server.port(), "GET /api/videos HTTP/1.1\r\nHost: " + attacker
        + "\r\nConnection: close\r\n\r\n");
    assertTrue(read.startsWith("HTTP/1.1 421"), read);
    String upgrade = RawHttp.head(server.port(), RawHttp.upgrade(server.port(), "http://" + attacker)
        .replace("Host: 127.0.0.1:" + server.port(), "Host: " + attacker));
    assertTrue(upgrade.startsWith("HTTP/1.1 421"), upgrade);
  }

  @Test
  void theConfiguredOriginsAndLoopbackNamesAtOurPortAreOurs() {
    assertTrue(rename("lens.example.org", "https://lens.example.org", "Mine").startsWith("HTTP/1.1 200"));
    assertTrue(rename("10.1.2.3:8443", "http://10.1.2.3:8443", "Mine").startsWith("HTTP/1.1 200"));
    assertTrue(rename("localhost:" + server.port(), "http://localhost:" + server.port(), "Mine")
        .startsWith("HTTP/1.1 200"));
    assertTrue(rename("[::1]:" + server.port(), null, "Mine").startsWith("HTTP/1.1 200"));
    assertTrue(rename("127.0.0.1:1", null, "Mine").startsWith("HTTP/1.1 421"), "loopback, but not our port");
    assertTrue(rename("lens.example.org:8080", null, "Mine").startsWith("HTTP/1.1 421"), "our name, another port");
  }

  @Test
  void anOriginIsJudgedAgainstTheConfiguredOriginsNotTheHostItNamed() {
    String ours = "127.0.0.1:" + server.port();
    String answer = rename(ours, "http://lens.example.org", "Pwned");
    assertTrue(answer.startsWith("HTTP/1.1 403"), "http is not the configured https: " + answer);
    assertEquals("forbidden_origin", body(answer).getString("error"));
  }

  private static String rename(String host, String origin, String title) {
    byte[] json = new JsonObject().put("title", title).encode().getBytes(StandardCharsets.UTF_8);
    return RawHttp.exchange(server.port(), "PATCH /api/videos/" + video + " HTTP/1.1\r\nHost: " + host + "\r\n"
        + (origin == null ? "" : "Origin: " + origin + "\r\n") + "Cookie: " + owner.cookie() + "\r\n"
        + "Content-Type: application/json\r\n"
        + "Content-Length: " + json.length + "\r\nConnection: close\r\n\r\n" + new String(json, StandardCharsets.UTF_8));
  }

  private static JsonObject body(String response) {
    return new JsonObject(response.substring(response.indexOf("\r\n\r\n") + 4));
  }
}
