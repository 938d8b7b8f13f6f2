package dev.livelens.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket that receives JSON text messages (a page's live feed), with blocking helpers for tests. */
public final class JsonSocket implements AutoCloseable {

  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final WebSocketClient client;
  private final ClientWebSocket socket;
  private final BlockingQueue<JsonObject> texts = new LinkedBlockingQueue<>();
  /** The close code the socket ended with. */
  public final CompletableFuture<Short> closeStatus = new CompletableFuture<>();

  private JsonSocket(WebSocketClient client, ClientWebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(text -> texts.add(new JsonObject(text)));
    socket.closeHandler(v -> closeStatus.complete(socket.closeStatusCode()));
  }

  /** Opens {@code uri} with the session cookie (null or "": none). */
  public static JsonSocket connect(Vertx vertx, int port, String uri, String cookie) {
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri);
    if (cookie != null && !cookie.isEmpty()) {
      options.addHeader("Cookie", cookie);
    }
    JsonSocket json = new JsonSocket(client, client.webSocket());
    try {
      json.socket.connect(options).await();
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    return json;
  }

  /** The next message {@code wanted} accepts, skipping others; fails after {@link #TIMEOUT}. */
  public JsonObject next(Predicate<JsonObject> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      JsonObject message = texts.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (message == null) {
        fail("no wanted message within " + TIMEOUT.toSeconds() + " s");
      }
      if (wanted.test(message)) {
        return message;
      }
    }
  }

  /** The next message of this type. */
  public JsonObject next(String type) throws InterruptedException {
    return next(message -> type.equals(message.getString("type")));
  }

  /** A message that came already and was not read, or null. */
  public JsonObject poll() {
    return texts.poll();
  }

  public short awaitClose() throws Exception {
    return closeStatus.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    client.close();
  }
}
