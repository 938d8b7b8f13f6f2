package dev.livelens.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** A client of {@code /ws/rooms} over a real WebSocket, with blocking helpers so tests read top to bottom. */
public final class RoomClient implements AutoCloseable {

  /** A binary message from the server: audio (1) or a video frame (2) of another member. */
  public record Media(byte kind, long from, long frameId, byte[] bytes) {
  }

  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final WebSocketClient client;
  private final ClientWebSocket socket;
  private final BlockingQueue<JsonObject> texts = new LinkedBlockingQueue<>();
  private final BlockingQueue<Media> media = new LinkedBlockingQueue<>();
  /** Video frames received, counted as they arrive whether or not the test reads them. */
  public final AtomicLong videoFrames = new AtomicLong();
  /** The close code the socket ended with (the server's, or 1006 when the connection just dropped). */
  public final CompletableFuture<Short> closeStatus = new CompletableFuture<>();

  private RoomClient(WebSocketClient client, ClientWebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(text -> texts.add(new JsonObject(text)));
    socket.binaryMessageHandler(this::binary);
    socket.closeHandler(v -> closeStatus.complete(socket.closeStatusCode()));
  }

  /** Connects with the session cookie (null: none) and Origin (null: none); fails as the server refuses. */
  public static RoomClient connect(Vertx vertx, int port, String cookie, String origin) {
    return connect(vertx, port, cookie, origin, -1);
  }

  /**
   * The same with the socket's receive buffer set to {@code receiveBufferBytes} (-1: the system's), so a
   * client that stops reading backs the server up after a few frames rather than after megabytes.
   */
  public static RoomClient connect(Vertx vertx, int port, String cookie, String origin, int receiveBufferBytes) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(256 * 1024).setMaxMessageSize(16 * 1024 * 1024)
        .setReceiveBufferSize(receiveBufferBytes));
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/ws/rooms");
    if (cookie != null) {
      options.addHeader("Cookie", cookie);
    }
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    RoomClient room = new RoomClient(client, client.webSocket());
    try {
      room.socket.connect(options).await();
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    return room;
  }

  private void binary(Buffer data) {
    byte kind = data.getByte(0);
    long from = data.getLong(1);
    if (kind == 2) {
      videoFrames.incrementAndGet();
      media.add(new Media(kind, from, data.getUnsignedInt(9), data.getBytes(13, data.length())));
    } else {
      media.add(new Media(kind, from, 0, data.getBytes(9, data.length())));
    }
  }

  public void send(JsonObject message) {
    socket.writeTextMessage(message.encode()).await();
  }

  public void send(String type, Object... keysAndValues) {
    JsonObject message = new JsonObject().put("type", type);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      message.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    send(message);
  }

  public void sendAudio(byte[] chunk) {
    socket.writeBinaryMessage(Buffer.buffer().appendByte((byte) 1).appendBytes(chunk)).await();
  }

  /** Skips text messages until one of {@code type} arrives. */
  public JsonObject next(String type) {
    return next(m -> type.equals(m.getString("type")), "a '" + type + "' message");
  }

  public JsonObject next(Predicate<JsonObject> wanted, String what) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    List<String> skipped = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      JsonObject message = poll(texts, Duration.ofNanos(deadline - System.nanoTime()));
      if (message != null && wanted.test(message)) {
        return message;
      }
      if (message != null) {
        skipped.add(message.getString("type"));
      }
    }
    return fail("no " + what + " within " + TIMEOUT + "; skipped " + skipped);
  }

  /** The next text message, if one arrives within {@code wait}, else null. */
  public JsonObject pollText(Duration wait) {
    return poll(texts, wait);
  }

  /** The next message of {@code type} arriving within {@code wait} (others skipped), else null. */
  public JsonObject pollTextOfType(String type, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      JsonObject message = poll(texts, Duration.ofNanos(deadline - System.nanoTime()));
      if (message != null && type.equals(message.getString("type"))) {
        return message;
      }
    }
    return null;
  }

  /** Every text message received so far and not read yet. */
  public List<JsonObject> drainTexts() {
    List<JsonObject> all = new ArrayList<>();
    texts.drainTo(all);
    return all;
  }

  public Media nextMedia(byte kind) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Media message = poll(media, Duration.ofNanos(deadline - System.nanoTime()));
      if (message != null && message.kind() == kind) {
        return message;
      }
    }
    return fail("no media of kind " + kind + " within " + TIMEOUT);
  }

  public Media pollMedia(Duration wait) {
    return poll(media, wait);
  }

  /** Stops reading from the socket, as a client that cannot keep up: the server's writes back up. */
  public void stopReading() {
    socket.pause();
  }

  public void resumeReading() {
    socket.resume();
  }

  private static <T> T poll(BlockingQueue<T> queue, Duration wait) {
    try {
      return queue.poll(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (!socket.isClosed()) {
      socket.close().await();
    }
    client.close().await();
  }
}
