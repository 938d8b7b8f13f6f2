package dev.livelens.metrics;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** A stream client over a real socket that remembers what the server answered to each frame. */
final class StreamClient {

  private static final long WAIT_SECONDS = 20;

  /** Held for the socket's life: Vert.x closes a client that is garbage-collected, with its connections. */
  private final WebSocketClient client;
  private final WebSocket socket;
  /** Ids of the frames answered with an image. */
  final Set<Long> images = ConcurrentHashMap.newKeySet();
  /** Ids of the frames answered with an error message. */
  final Set<Long> errors = ConcurrentHashMap.newKeySet();
  private final LinkedBlockingQueue<Long> answers = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<JsonObject> stats = new LinkedBlockingQueue<>();

  private StreamClient(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.binaryMessageHandler(this::onImage);
    socket.textMessageHandler(this::onText);
  }

  static StreamClient connect(Vertx vertx, int port, String filter) throws TimeoutException {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(4 * 1024 * 1024).setMaxMessageSize(4 * 1024 * 1024));
    WebSocket socket = client.connect(port, "127.0.0.1", "/ws/stream?filter=" + filter).await(10, TimeUnit.SECONDS);
    return new StreamClient(client, socket);
  }

  /** Sends a frame in the binary form: a 4-byte big-endian id, then the JPEG. */
  void send(long id, byte[] jpeg) {
    socket.writeBinaryMessage(Buffer.buffer(4 + jpeg.length).appendUnsignedInt(id).appendBytes(jpeg));
  }

  /** Sends frames {@code first} to {@code last} one at a time, each after the previous one was answered. */
  void sendEachAfterTheLast(long first, long last, byte[] jpeg) throws InterruptedException {
    for (long id = first; id <= last; id++) {
      send(id, jpeg);
      long answered = awaitAnswer();
      if (answered != id) {
        throw new AssertionError("frame " + answered + " was answered while " + id + " was awaited");
      }
    }
  }

  /** Waits for the next frame to be answered, with an image or an error, and gives its id. */
  long awaitAnswer() throws InterruptedException {
    Long id = answers.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    if (id == null) {
      throw new AssertionError("no answer to a frame within " + WAIT_SECONDS + " s");
    }
    return id;
  }

  /** Waits for a stats message (the server sends one a second) that satisfies {@code wanted}. */
  JsonObject awaitStats(Predicate<JsonObject> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (System.nanoTime() < deadline) {
      JsonObject message = stats.poll(1, TimeUnit.SECONDS);
      if (message != null && wanted.test(message)) {
        return message;
      }
    }
    throw new AssertionError("no stats message as expected within " + WAIT_SECONDS + " s");
  }

  void close() throws TimeoutException {
    socket.close().await(10, TimeUnit.SECONDS);
    client.close().await(10, TimeUnit.SECONDS);
  }

  private void onImage(Buffer message) {
    long id = message.getUnsignedInt(0);
    images.add(id);
    answers.add(id);
  }

  private void onText(String text) {
    JsonObject message = new JsonObject(text);
    switch (message.getString("type")) {
      case "error" -> {
        Long id = message.getLong("id");
        if (id != null) {
          errors.add(id);
          answers.add(id);
        }
      }
      case "stats" -> stats.add(message);
      default -> {
      }
    }
  }
}
