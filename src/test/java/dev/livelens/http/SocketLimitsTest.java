package dev.livelens.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every socket path counts its sockets per address and reads messages of its own size, over real sockets. */
class SocketLimitsTest {

  private static TestServer server;
  private static WebSocketClient client;
  /** A video's analytics feed opens for its owner only: this client owns one, and sends its cookie. */
  private static String ownCookie;
  private static String ownVideo;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start("--max-sockets-per-address", "3");
    ApiClient owner = new ApiClient(server.port());
    Path files = TempDirs.create("livelens-socket-limits-");
    ownVideo = TestVideos.add(server, TestVideos.make(files, "clip.mp4", 1), "Mine", owner.guest()).id();
    ownCookie = owner.cookie();
    client = server.vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(64 * 1024)
        .setMaxMessageSize(1 << 20));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private record Opened(WebSocket socket, BlockingQueue<String> texts, CompletableFuture<Short> closed) {
  }

  /**
   * A socket opened with its handlers set first. A refused socket is closed by the server at once, and
   * Vert.x may then fail the connect itself (it sets a handler of its own on the closed socket): tried again.
   */
  private static Opened open(String path) {
    for (int attempt = 1; ; attempt++) {
      ClientWebSocket socket = client.webSocket();
      BlockingQueue<String> texts = new LinkedBlockingQueue<>();
      CompletableFuture<Short> closed = new CompletableFuture<>();
      socket.textMessageHandler(texts::add).closeHandler(v -> closed.complete(socket.closeStatusCode()));
      try {
        socket.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port()).setURI(path)
            .addHeader("Cookie", ownCookie)).await();
        return new Opened(socket, texts, closed);
      } catch (IllegalStateException closedBeforeConnectEnded) {
        if (attempt == 5) {
          throw closedBeforeConnectEnded;
        }
      }
    }
  }

  @Test
  void anAddressOverItsCountIsToldWhyAndClosedWith1013AndMayComeBackLater() throws Exception {
    for (String path : List.of("/ws/watch", "/ws/metrics", "/ws/analytics?video=" + ownVideo)) {
      List<Opened> open = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        open.add(open(path));
      }
      Opened refused = open(path);
      JsonObject error = new JsonObject(refused.texts().poll(10, TimeUnit.SECONDS));
      assertEquals("too_many_sockets", error.getString("error"), path);
      assertEquals((short) 1013, refused.closed().get(10, TimeUnit.SECONDS), path);
      open.get(0).socket().close().await();
      open.get(0).closed().get(10, TimeUnit.SECONDS);
      Opened again = awaitAdmitted(path);
      again.socket().close().await();
      open.forEach(o -> o.socket().close());
    }
  }

  /** The slot is given back as the server sees the close: retried until then. */
  private static Opened awaitAdmitted(String path) throws Exception {
    for (int attempt = 0; attempt < 50; attempt++) {
      Opened opened = open(path);
      String first = opened.texts().poll(300, TimeUnit.MILLISECONDS);
      if (first == null || !first.contains("too_many_sockets")) {
        return opened;
      }
      opened.closed().get(10, TimeUnit.SECONDS);
    }
    throw new AssertionError("no slot came back on " + path);
  }

  @Test
  void aWatchMessageOverItsLimitIsTooLargeAndTheSocketStaysUsable() throws Exception {
    Opened watch = open("/ws/watch");
    watch.socket().writeTextMessage("x".repeat(200 * 1024)).await(); // fragmented by the client, 64 KB a frame
    assertEquals("too_large", new JsonObject(watch.texts().poll(10, TimeUnit.SECONDS)).getString("code"));
    watch.socket().writeTextMessage("not json").await();
    assertEquals("bad_message", new JsonObject(watch.texts().poll(10, TimeUnit.SECONDS)).getString("code"));
    watch.socket().close().await();
  }
}
