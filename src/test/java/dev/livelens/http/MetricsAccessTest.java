package dev.livelens.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.livelens.testing.NodeProcess;
import dev.livelens.testing.RawHttp;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} answers this machine and a scraper with the token; the dashboard's feed answers this
 * machine only. The outsider here is this machine's own non-loopback address.
 */
class MetricsAccessTest {

  private static final String TOKEN = "a-scraper-token-0123456789";
  private static String outside;
  private static TestServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    InetAddress own = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst().orElse(null);
    assumeTrue(own != null, "this machine has no non-loopback IPv4 address");
    int port = NodeProcess.freePort();
    outside = "http://" + own.getHostAddress() + ":" + port;
    server = TestServer.start("--workers", "1", "--port", String.valueOf(port), "--public-url", outside,
        "--metrics-token", TOKEN);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void metricsFromElsewhereNeedTheToken() throws Exception {
    HttpResponse<String> anonymous = scrape(null);
    assertEquals(403, anonymous.statusCode());
    assertEquals("forbidden", new JsonObject(anonymous.body()).getString("error"));
    assertEquals(403, scrape("Bearer not-the-token-at-all-000").statusCode());
    HttpResponse<String> scraper = scrape("Bearer " + TOKEN);
    assertEquals(200, scraper.statusCode());
    assertTrue(scraper.body().contains("livelens_"), "Prometheus text");
    assertTrue(server.scrape().toString() != null, "this machine reads them without a token");
  }

  @Test
  void theDashboardFeedOpensForThisMachine() {
    String fromHere = RawHttp.head(server.port(), RawHttp.upgrade(server.port(), null)
        .replace("/ws/stream", "/ws/metrics").replace("Host: 127.0.0.1:" + server.port(), "Host: "
            + URI.create(outside).getAuthority()));
    assertTrue(fromHere.startsWith("HTTP/1.1 101"), "loopback: " + fromHere);
  }

  @Test
  void theDashboardFeedIsRefusedFromAnotherAddress() throws Exception {
    HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(outside + "/ws/metrics"))
        .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").header("Sec-WebSocket-Version", "13")
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(403, refused.statusCode(), refused.body());
  }

  private static HttpResponse<String> scrape(String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(outside + "/metrics"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
