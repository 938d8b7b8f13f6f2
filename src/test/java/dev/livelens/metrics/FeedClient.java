package dev.livelens.metrics;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A dashboard's end of the metrics feed: keeps every message it is sent, in order, as text. */
final class FeedClient {

  private final WebSocketClient client;
  private final WebSocket socket;
  private final LinkedBlockingQueue<String> messages;

  private FeedClient(WebSocketClient client, WebSocket socket, LinkedBlockingQueue<String> messages) {
    this.client = client;
    this.socket = socket;
    this.messages = messages;
  }

  static FeedClient connect(Vertx vertx, int port) throws TimeoutException {
    return connect(vertx, new WebSocketConnectOptions().setPort(port).setHost("127.0.0.1").setURI("/ws/metrics"));
  }

  static FeedClient connect(Vertx vertx, WebSocketConnectOptions options) throws TimeoutException {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxMessageSize(4 * 1024 * 1024).setMaxFrameSize(256 * 1024));
    LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
    try {
      // The handler goes on as the socket opens, on its event loop: the history the server sends at
      // once must not arrive before anyone listens (it would be dropped).
      WebSocket socket = client.connect(options)
          .onSuccess(ws -> ws.textMessageHandler(messages::add))
          .await(10, TimeUnit.SECONDS);
      return new FeedClient(client, socket, messages);
    } catch (RuntimeException | TimeoutException e) {
      client.close();
      throw e;
    }
  }

  /** The next message as sent, waiting for it as long as a few snapshot periods. */
  String nextText() throws InterruptedException {
    String message = messages.poll(10, TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("the feed sent nothing for 10 s");
    }
    return message;
  }

  /** The oldest snapshot received and not yet looked at, or null; never waits. */
  JsonObject pollSnapshot() {
    for (String message = messages.poll(); message != null; message = messages.poll()) {
      JsonObject json = new JsonObject(message);
      if ("snapshot".equals(json.getString("type"))) {
        return json;
      }
    }
    return null;
  }

  JsonObject next() throws InterruptedException {
    return new JsonObject(nextText());
  }

  void close() throws TimeoutException {
    socket.close().await(10, TimeUnit.SECONDS);
    client.close().await(10, TimeUnit.SECONDS);
  }
}
