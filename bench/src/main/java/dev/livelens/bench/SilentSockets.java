package dev.livelens.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stream sockets that are opened and then never send a frame, like pages left open with the camera
 * stopped: they read what the server sends (and answer its pings), nothing more. They run on a Vert.x of
 * their own, so what the server writes to them never delays the measured streams' event loop. Counts
 * the {@code stats} messages they receive: the per-second work the server spends on them.
 */
final class SilentSockets implements AutoCloseable {

  /** Upgrades in progress at once: the server and the kernel's accept queue take them in steps. */
  private static final int OPENING_AT_ONCE = 200;

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
  private final List<WebSocket> sockets = new ArrayList<>();
  private final AtomicLong statsReceived = new AtomicLong();
  private final AtomicLong textReceived = new AtomicLong();

  /**
   * Opens {@code count} sockets, {@link #OPENING_AT_ONCE} at a time, spread over {@code addresses} local
   * addresses (127.0.0.1, .2, …) so a per-address limit can stay as it is; returns once all are open.
   */
  static SilentSockets open(String host, int port, int count, int addresses) throws Exception {
    SilentSockets silent = new SilentSockets();
    List<WebSocketClient> clients = new ArrayList<>();
    for (int a = 1; a <= addresses; a++) {
      clients.add(silent.vertx.createWebSocketClient(new WebSocketClientOptions()
          .setLocalAddress("127.0.0." + a).setMaxConnections(count + 1).setConnectTimeout(60_000)));
    }
    for (int first = 0; first < count; first += OPENING_AT_ONCE) {
      List<Future<WebSocket>> opening = new ArrayList<>();
      for (int i = first; i < Math.min(count, first + OPENING_AT_ONCE); i++) {
        opening.add(clients.get(i % addresses).connect(new WebSocketConnectOptions().setHost(host).setPort(port)
            .setURI("/ws/stream?filter=none")));
      }
      Future.all(opening).await(120, TimeUnit.SECONDS);
      for (Future<WebSocket> socket : opening) {
        silent.listen(socket.result());
      }
    }
    return silent;
  }

  private void listen(WebSocket socket) {
    socket.textMessageHandler(text -> {
      textReceived.incrementAndGet();
      if (text.contains("\"type\":\"stats\"")) {
        statsReceived.incrementAndGet();
      }
    });
    synchronized (sockets) {
      sockets.add(socket);
    }
  }

  int open() {
    synchronized (sockets) {
      return (int) sockets.stream().filter(s -> !s.isClosed()).count();
    }
  }

  long statsReceived() {
    return statsReceived.get();
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(60, TimeUnit.SECONDS);
  }
}
