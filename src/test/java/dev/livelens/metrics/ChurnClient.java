package dev.livelens.metrics;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Many short visits to a server, as an outsider makes them: its own Vert.x (so nothing it does is counted
 * in the server's registry), one WebSocket client for every socket it opens, and each visit a future that
 * fails if the server does not answer as the protocol says.
 */
final class ChurnClient implements AutoCloseable {

  final Vertx vertx = Vertx.vertx();
  private final int port;
  private final WebSocketClient sockets = vertx.createWebSocketClient(new WebSocketClientOptions()
      .setMaxFrameSize(256 * 1024).setMaxMessageSize(4 * 1024 * 1024).setMaxConnections(64));
  private final HttpClient http = vertx.createHttpClient();

  ChurnClient(int port) {
    this.port = port;
  }

  /** Opens a stream, sends one frame, waits for its processed image, closes. */
  Future<Void> stream(String filter, String cookie, Buffer jpeg) {
    WebSocketConnectOptions options = connect("/ws/stream?filter=" + filter);
    if (cookie != null) {
      options.addHeader("Cookie", cookie);
    }
    ClientWebSocket socket = sockets.webSocket();
    Promise<Void> answered = Promise.promise();
    socket.binaryMessageHandler(reply -> answered.tryComplete());
    socket.textMessageHandler(text -> {
      if ("error".equals(new JsonObject(text).getString("type"))) {
        answered.tryFail("the server answered the frame with " + text);
      }
    });
    return socket.connect(options)
        .compose(open -> socket.writeBinaryMessage(Buffer.buffer().appendUnsignedInt(1).appendBuffer(jpeg)))
        .compose(sent -> answered.future())
        .eventually(() -> socket.close());
  }

  /** A player's visit: starts a view of {@code video}, reports one play event, closes once it is acknowledged. */
  Future<Void> watch(String video, String viewer) {
    ClientWebSocket socket = sockets.webSocket();
    Promise<Void> acknowledged = Promise.promise();
    socket.textMessageHandler(text -> {
      JsonObject message = new JsonObject(text);
      switch (message.getString("type")) {
        case "view" -> socket.writeTextMessage(new JsonObject().put("type", "events").put("events", new JsonArray()
            .add(new JsonObject().put("seq", 0).put("type", "play").put("at", System.currentTimeMillis())
                .put("t", 0))).encode());
        case "ack" -> acknowledged.tryComplete();
        default -> acknowledged.tryFail("the watch socket answered " + text);
      }
    });
    return socket.connect(connect("/ws/watch"))
        .compose(open -> socket.writeTextMessage(new JsonObject().put("type", "start").put("video", video)
            .put("viewer", viewer).encode()))
        .compose(sent -> acknowledged.future())
        .eventually(() -> socket.close());
  }

  /** An analytics page on {@code video} (any id of the right shape is accepted): opens, then closes. */
  Future<Void> analyticsPage(String video) {
    return sockets.connect(connect("/ws/analytics?video=" + video)).compose(socket -> socket.close());
  }

  /** A request with a method of the client's own making, answered whatever the server makes of it. */
  Future<Void> oddRequest(String method) {
    return http.request(HttpMethod.valueOf(method), port, "127.0.0.1", "/")
        .compose(request -> request.send().compose(response -> response.body())).mapEmpty();
  }

  /** Runs {@code count} visits, {@code lanes} at a time; fails with the first visit that failed. */
  Future<Void> run(int count, int lanes, IntFunction<Future<Void>> visit) {
    List<Future<Void>> lane = new ArrayList<>();
    for (int l = 0; l < lanes; l++) {
      lane.add(Future.succeededFuture());
    }
    for (int i = 0; i < count; i++) {
      int n = i;
      lane.set(i % lanes, lane.get(i % lanes).compose(done -> visit.apply(n)));
    }
    return Future.all(lane).mapEmpty();
  }

  /** GET /metrics as Prometheus would, as text. */
  Future<String> metrics() {
    return http.request(HttpMethod.GET, port, "127.0.0.1", "/metrics")
        .compose(request -> request.send().compose(response -> response.body()))
        .map(Buffer::toString);
  }

  private WebSocketConnectOptions connect(String uri) {
    return new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri);
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
