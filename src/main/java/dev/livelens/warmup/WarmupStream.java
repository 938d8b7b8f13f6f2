package dev.livelens.warmup;

import dev.livelens.stream.StreamFeature;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/**
 * One warm-up connection, speaking protocol v1 in binary mode like the page: it keeps two frames
 * unanswered and sends the next as soon as one is settled, so the workers never wait for it. A frame
 * is settled by its image, by an error naming it, or by the server's stats counting a drop (drops are
 * silent). Runs on the context that opened it.
 */
final class WarmupStream {

  private static final int IN_FLIGHT = 2;

  private final WarmupFrames frames;
  private WebSocket socket;
  private long nextId;
  private int inFlight;
  private long dropsSeen;
  private boolean sending;
  private long answered;

  WarmupStream(WarmupFrames frames, long firstFrame) {
    this.frames = frames;
    this.nextId = firstFrame;
  }

  Future<Void> open(WebSocketClient client, int port, String filter) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI(StreamFeature.PATH + "?filter=" + filter);
    return client.connect(options).map(ws -> {
      socket = ws;
      ws.binaryMessageHandler(reply -> settled(1, true));
      ws.textMessageHandler(this::onText);
      return null;
    });
  }

  void start() {
    sending = true;
    fill();
  }

  /** Stops sending and closes; frames still at the workers are answered to nobody (a counted close drop). */
  Future<Void> close() {
    sending = false;
    return socket == null ? Future.succeededFuture() : socket.close();
  }

  long answered() {
    return answered;
  }

  private void onText(String text) {
    JsonObject message = new JsonObject(text);
    switch (message.getString("type", "")) {
      case "error" -> settled(message.containsKey("id") ? 1 : 0, false);
      case "stats" -> {
        long dropped = message.getLong("dropped", 0L);
        settled((int) (dropped - dropsSeen), false);
        dropsSeen = dropped;
      }
      default -> { }
    }
  }

  private void settled(int frames, boolean image) {
    inFlight = Math.max(0, inFlight - frames);
    if (image) {
      answered++;
    }
    fill();
  }

  private void fill() {
    while (sending && inFlight < IN_FLIGHT && !socket.writeQueueFull()) {
      long id = nextId++ & 0xFFFF_FFFFL;
      byte[] jpeg = frames.get(id);
      socket.writeBinaryMessage(Buffer.buffer(4 + jpeg.length).appendUnsignedInt(id).appendBytes(jpeg));
      inFlight++;
    }
  }
}
