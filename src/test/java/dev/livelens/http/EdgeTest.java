package dev.livelens.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP edge as an outsider meets it, on a server with several event loops. */
class EdgeTest {

  private static final int EVENT_LOOPS = 3;
  /** Node-wide services of the features: one each per server, however many event loops mount the routes. */
  private static final List<String> ONCE_PER_NODE = List.of(
      "dev.livelens.rooms.RoomRegistry", "dev.livelens.rooms.Presence", "dev.livelens.rooms.PresenceBoard",
      "dev.livelens.rooms.Chat", "dev.livelens.rooms.RoomsRoutes", "dev.livelens.library.jobs.JobFeed",
      "dev.livelens.analytics.AnalyticsWriter", "dev.livelens.analytics.AnalyticsRoutes",
      "dev.livelens.metrics.DashboardFeed", "dev.livelens.stream.StreamServices",
      "dev.livelens.web.ConnectionLimiter", "dev.livelens.account.CookieSessions",
      "dev.livelens.account.SignedSockets", "dev.livelens.analytics.ViewBudgets", "dev.livelens.web.SocketLimits",
      "dev.livelens.web.MessageBudget", "dev.livelens.account.GuestSweep", "dev.livelens.library.MediaLinks",
      "dev.livelens.subtitles.Transcripts", "dev.livelens.subtitles.Lines", "dev.livelens.subtitles.SpeechSearch",
      "dev.livelens.subtitles.LibraryWords", "dev.livelens.library.imports.Download",
      "dev.livelens.social.Feed", "dev.livelens.social.ScoreRefresher", "dev.livelens.social.VideoSocialRoutes",
      "dev.livelens.social.PeopleRoutes",
      "dev.livelens.social.comments.Comments", "dev.livelens.account.GuestMoves", "dev.livelens.rooms.RoomOwnerRoutes",
      "dev.livelens.social.comments.CommentRoutes", "dev.livelens.social.comments.CommentSocket",
      "dev.livelens.social.moderation.ModerationRoutes", "dev.livelens.social.sharing.SharePages");
  /** The stream counts its connections itself; /ws/metrics, /ws/rooms, /ws/watch, /ws/analytics, /ws/comments one each. */
  private static final long CONNECTION_LIMITERS = 6;
  private static final List<String> SOCKETS = List.of("/ws/stream", "/ws/metrics", "/ws/rooms", "/ws/watch",
      "/ws/analytics?video=AAAAAAAAAAAAAAAA", "/ws/comments?video=AAAAAAAAAAAAAAAA");

  private static Map<String, Long> before;
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    before = instances();
    server = TestServer.start("--event-loops", String.valueOf(EVENT_LOOPS));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void nodeWideServicesAreBuiltOncePerNodeNotPerEventLoop() throws Exception {
    assertEquals(EVENT_LOOPS, server.server.streamsPerEventLoop().size(), "the stream routes mount on every loop");
    Map<String, Long> after = instances();
    Map<String, Long> built = new LinkedHashMap<>();
    ONCE_PER_NODE.forEach(name -> built.put(name, after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L)));
    Map<String, Long> once = new LinkedHashMap<>();
    ONCE_PER_NODE.forEach(name -> once.put(name, name.endsWith("ConnectionLimiter") ? CONNECTION_LIMITERS : 1L));
    assertEquals(once, built);
  }

  @Test
  void aForeignOriginIsRefusedTheSameWayOnEverySocket() {
    String refusal = null;
    for (String path : SOCKETS) {
      String answer = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
          + "Origin: https://evil.example\r\n\r\n");
      assertTrue(answer.startsWith("HTTP/1.1 403 "), path + ": " + answer);
      String body = body(answer);
      assertEquals("forbidden_origin", new JsonObject(body).getString("error"), path);
      if (refusal == null) {
        refusal = body;
      }
      assertEquals(refusal, body, path + " refuses like " + SOCKETS.get(0));
    }
  }

  @Test
  void errorsAreJsonNeverHtml() {
    Map<String, String> requests = new LinkedHashMap<>();
    requests.put("404", "GET /api/no-such-thing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    requests.put("400", "GET /api/videos?q=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    // No Content-Length: the body handler finds it too large as it reads, after the route's checks.
    requests.put("413", "POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(64 * 1024) + "\r\n" + "x".repeat(64 * 1024)
        + "\r\n0\r\n\r\n");
    for (Map.Entry<String, String> request : requests.entrySet()) {
      String answer = raw(request.getValue());
      String status = answer.substring(9, 12);
      assertTrue(answer.toLowerCase().contains("content-type: application/json"), request.getKey() + ": " + answer);
      JsonObject error = new JsonObject(body(answer));
      assertTrue(error.containsKey("error") && error.containsKey("message"), answer);
      assertEquals(request.getKey(), status, answer);
    }
  }

  /** Live instances per class, after a full collection (the JVM's class histogram). */
  private static Map<String, Long> instances() throws Exception {
    String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
        new Object[] {new String[0]}, new String[] {String[].class.getName()});
    Map<String, Long> counts = new LinkedHashMap<>();
    Matcher line = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+(\\S+)").matcher(histogram);
    while (line.find()) {
      counts.merge(line.group(2), Long.parseLong(line.group(1)), Long::sum);
    }
    return counts;
  }

  private static String raw(String request) {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.replace("Host: 127.0.0.1\r\n",
          "Host: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      return all.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String body(String answer) {
    String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
    return body.startsWith("{") ? body : dechunk(body);
  }

  private static String dechunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        return out.toString();
      }
      out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
  }
}
