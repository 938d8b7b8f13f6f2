package dev.livelens.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A protocol-v1 client over a real WebSocket, written from the protocol document, with blocking
 * helpers so tests read top to bottom.
 */
public final class StreamClient implements AutoCloseable {

  /** One message from the server: an image reply (binary) or a JSON message. */
  public record Incoming(long id, byte[] jpeg, JsonObject json) {

    public boolean isImage() {
      return jpeg != null;
    }

    public String type() {
      return json == null ? "image" : json.getString("type");
    }

    /** The id of the frame this message answers (an image reply or an error about a frame), or null. */
    public Long answeredFrame() {
      if (isImage()) {
        return id;
      }
      return "error".equals(type()) ? json.getLong("id") : null;
    }
  }

  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final WebSocketClient client;
  private final ClientWebSocket socket;
  private final BlockingQueue<Incoming> incoming = new LinkedBlockingQueue<>();
  public final CompletableFuture<Short> closeStatus = new CompletableFuture<>();
  /** Ids of the frames answered with an image so far, whether or not the test has read the reply. */
  public final Set<Long> images = ConcurrentHashMap.newKeySet();
  /** Ids of the frames answered with an error so far, whether or not the test has read the error. */
  public final Set<Long> errors = ConcurrentHashMap.newKeySet();

  /** Handlers are set before connecting, so the server's greeting can never slip past them. */
  private StreamClient(WebSocketClient client, ClientWebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.binaryMessageHandler(buffer -> receive(
        new Incoming(buffer.getUnsignedInt(0), buffer.getBytes(4, buffer.length()), null)));
    socket.textMessageHandler(text -> receive(new Incoming(-1, null, new JsonObject(text))));
    socket.closeHandler(v -> closeStatus.complete(socket.closeStatusCode()));
  }

  public static StreamClient connect(Vertx vertx, int port, String uri, String origin) {
    return connect(vertx, port, uri, origin, null);
  }

  /**
   * @param localAddress the client's own address, e.g. "127.0.0.2" to count as another client on
   *     loopback; null for the system's choice
   */
  public static StreamClient connect(Vertx vertx, int port, String uri, String origin, String localAddress) {
    return connect(vertx, port, uri, origin, localAddress, null);
  }

  /** A stream opened with a session cookie: it is then that signed-in person's (rooms may show it). */
  public static StreamClient connectSignedIn(Vertx vertx, int port, String uri, String cookie) {
    return connect(vertx, port, uri, null, null, cookie);
  }

  private static StreamClient connect(Vertx vertx, int port, String uri, String origin, String localAddress,
      String cookie) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(256 * 1024).setMaxMessageSize(64 * 1024 * 1024).setLocalAddress(localAddress));
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(port).setURI(uri);
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    if (cookie != null) {
      options.addHeader("Cookie", cookie);
    }
    // A socket the server refuses is closed at once, and Vert.x 5.0.10 may then fail the connect itself (it
    // sets a handler of its own on the closed socket): such a connect is tried again, as a client would.
    for (int attempt = 1; ; attempt++) {
      StreamClient stream = new StreamClient(client, client.webSocket());
      try {
        stream.socket.connect(options).await();
        return stream;
      } catch (IllegalStateException closedBeforeConnectEnded) {
        if (attempt == 5) {
          throw closedBeforeConnectEnded;
        }
      }
    }
  }

  public void sendFrame(long id, byte[] jpeg) {
    sendRaw(Buffer.buffer().appendUnsignedInt(id).appendBytes(jpeg));
  }

  public void sendRaw(Buffer message) {
    socket.writeBinaryMessage(message).await();
  }

  /** A frame id and {@code jpeg} in one WebSocket frame however large (as Firefox and Safari send). */
  public void sendSingleFrame(long id, byte[] jpeg) {
    socket.writeFrame(WebSocketFrame.binaryFrame(Buffer.buffer().appendUnsignedInt(id).appendBytes(jpeg), true))
        .await();
  }

  /** One binary message sent as {@code count} WebSocket frames of {@code fragment} each. */
  public void sendFragments(byte[] fragment, int count) {
    for (int i = 0; i < count; i++) {
      Buffer data = Buffer.buffer(fragment);
      boolean last = i == count - 1;
      socket.writeFrame(i == 0 ? WebSocketFrame.binaryFrame(data, last) : WebSocketFrame.continuationFrame(data, last))
          .await();
    }
  }

  public void sendJsonFrame(long id, byte[] jpeg, boolean withDataPrefix) {
    String data = (withDataPrefix ? "data:image/jpeg;base64," : "") + Base64.getEncoder().encodeToString(jpeg);
    sendText(new JsonObject().put("type", "frame").put("id", id).put("data", data).encode());
  }

  public void selectFilter(String filter, JsonObject params) {
    sendText(new JsonObject().put("type", "filter").put("filter", filter).put("params", params).encode());
  }

  public void sendText(String text) {
    socket.writeTextMessage(text).await();
  }

  /** Sends frames {@code first} to {@code last} one at a time, each after the previous one was answered. */
  public void sendEachAfterTheLast(long first, long last, byte[] jpeg) {
    for (long id = first; id <= last; id++) {
      sendFrame(id, jpeg);
      assertEquals(id, awaitAnswer(), "the frame answered while frame " + id + " was awaited");
    }
  }

  /** The next message of any kind except {@code stats}, which arrive on their own clock. */
  public Incoming next() {
    return skipUntil(message -> !"stats".equals(message.type()), "no message but stats from the server");
  }

  /** Skips messages until one of {@code type} ("image" for an image reply) arrives. */
  public Incoming next(String type) {
    return skipUntil(message -> type.equals(message.type()), "no '" + type + "' message");
  }

  /** Skips messages until a frame is answered, with an image or an error, and gives its id. */
  public long awaitAnswer() {
    return skipUntil(message -> message.answeredFrame() != null, "no answer to a frame").answeredFrame();
  }

  /** Skips messages until a stats message (the server sends one a second) satisfies {@code wanted}. */
  public JsonObject awaitStats(Predicate<JsonObject> wanted) {
    return skipUntil(message -> "stats".equals(message.type()) && wanted.test(message.json()),
        "no stats message as expected").json();
  }

  /**
   * Sends {@code frame} at about 30 frames a second for {@code length}, never more than two unanswered,
   * as a camera page does; text messages that arrive meanwhile go to {@code others}. Returns how many
   * frames were answered with an image (waiting up to 2 s at the end for the last ones).
   */
  public int streamAtCameraPace(Duration length, byte[] frame, long firstId, Consumer<Incoming> others) {
    int before = images.size();
    long end = System.nanoTime() + length.toNanos();
    long id = firstId;
    long next = System.nanoTime();
    while (System.nanoTime() < end) {
      if (System.nanoTime() >= next && id - firstId - (images.size() - before) < 2) {
        sendFrame(id++, frame);
        next += 33_333_333L;
      }
      passOn(poll(Duration.ofMillis(2)), others);
    }
    long drain = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (images.size() - before < id - firstId && System.nanoTime() < drain) {
      passOn(poll(Duration.ofMillis(10)), others);
    }
    return images.size() - before;
  }

  private static void passOn(Incoming message, Consumer<Incoming> others) {
    if (message != null && message.json() != null) {
      others.accept(message);
    }
  }

  /** Skips messages until a {@code recording} message in {@code state} arrives, within {@code timeout}. */
  public JsonObject awaitRecording(String state, Duration timeout) {
    return skipUntil(message -> "recording".equals(message.type()) && state.equals(message.json().getString("state")),
        "no recording message '" + state + "'", timeout).json();
  }

  /** Reads the greeting and the initial filter confirmation every connection starts with. */
  public StreamClient skipGreeting() {
    assertEquals("hello", next().type());
    assertEquals("filter", next().type());
    return this;
  }

  /** The error the server must send next (stats aside), checked for its code and frame id. */
  public JsonObject expectError(String code, Long id) {
    Incoming message = next();
    assertNotNull(message.json(), "expected an error, got an image reply");
    assertEquals("error", message.type(), message.json().encode());
    assertEquals(code, message.json().getString("code"), message.json().encode());
    assertEquals(id, message.json().getLong("id"), message.json().encode());
    return message.json();
  }

  private Incoming skipUntil(Predicate<Incoming> wanted, String failure) {
    return skipUntil(wanted, failure, TIMEOUT);
  }

  private Incoming skipUntil(Predicate<Incoming> wanted, String failure, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Incoming message = poll(Duration.ofNanos(deadline - System.nanoTime()));
      if (message != null && wanted.test(message)) {
        return message;
      }
    }
    return fail(failure + " within " + timeout);
  }

  private void receive(Incoming message) {
    Long frame = message.answeredFrame();
    if (frame != null) {
      (message.isImage() ? images : errors).add(frame);
    }
    incoming.add(message);
  }

  public Incoming poll(Duration timeout) {
    try {
      return incoming.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public boolean isClosed() {
    return socket.isClosed();
  }

  @Override
  public void close() {
    if (!socket.isClosed()) {
      socket.close().await();
    }
    client.close().await();
  }
}
