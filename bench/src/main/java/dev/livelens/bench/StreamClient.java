package dev.livelens.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stream, behaving like the page: a camera ticks at a fixed rate, and a tick sends a frame only
 * while fewer than K frames are unanswered (otherwise the frame is skipped). A frame is settled by its
 * image reply, by an error naming it, by the server's stats counting a drop, or after one second.
 * Runs on one event loop; the run reads its counters only after it has stopped.
 */
final class StreamClient {

  static final long TIMEOUT_NANOS = 1_000_000_000L;

  private final Vertx vertx;
  private final FrameSet frames;
  private final int inFlightLimit;
  private final long periodNanos;
  private final Latencies latencies;
  private final Map<Long, Long> unanswered = new LinkedHashMap<>();
  private WebSocket socket;
  private long nextId;
  private long nextDue;
  private long timer = -1;
  private boolean sending;
  private boolean recording;
  /** Frames sent before this (warm-up) are settled without being counted. */
  private long windowStart = Long.MAX_VALUE;
  /** The last frame whose image reply was counted: its faces message follows it. */
  private long lastCountedId = -1;

  // Counters of the measured window.
  long sent;
  long answered;
  long skipped;
  long errors;
  long droppedByServer;
  long timedOut;
  long lateReplies;
  long framesWithFaces;
  // The server's own counters for this connection, from its last stats message.
  final ServerCounts server = new ServerCounts();
  private ServerCounts serverAtStart;
  private long lastServerDropped;
  private String lastError;

  /** Cumulative counts from the connection's stats messages. */
  static final class ServerCounts {
    long received;
    long processed;
    long dropped;
    long errors;
  }

  StreamClient(Vertx vertx, FrameSet frames, double fps, int inFlightLimit, Latencies latencies, long firstFrame) {
    this.vertx = vertx;
    this.frames = frames;
    this.inFlightLimit = inFlightLimit;
    this.periodNanos = (long) (1e9 / fps);
    this.latencies = latencies;
    this.nextId = firstFrame;
  }

  Future<Void> connect(WebSocketClient client, String host, int port, String filter, JsonObject params,
      boolean record) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(host).setPort(port)
        .setURI("/ws/stream?filter=" + filter);
    return client.connect(options).map(ws -> {
      socket = ws;
      ws.binaryMessageHandler(this::onImage);
      ws.textMessageHandler(this::onText);
      if (params != null && !params.isEmpty()) {
        ws.writeTextMessage(new JsonObject().put("type", "filter").put("filter", filter).put("params", params)
            .encode());
      }
      if (record) {
        ws.writeTextMessage(new JsonObject().put("type", "record").put("on", true).encode());
      }
      return null;
    });
  }

  /** Starts the camera; the first tick comes after {@code phaseNanos}, so streams do not tick together. */
  void start(long phaseNanos) {
    sending = true;
    nextDue = System.nanoTime() + phaseNanos;
    schedule();
  }

  /** Resets the counters: what happened before this was warm-up. */
  void startRecording() {
    sent = answered = skipped = errors = droppedByServer = timedOut = lateReplies = framesWithFaces = 0;
    serverAtStart = copy(server);
    windowStart = System.nanoTime();
    recording = true;
  }

  void stopSending() {
    sending = false;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  void stopRecording() {
    expireOld(System.nanoTime());
    recording = false;
  }

  int unansweredCount() {
    return unanswered.size();
  }

  /** The server's counts for the measured window (stats arrive once a second, so the edges blur by that). */
  ServerCounts serverDelta() {
    ServerCounts start = serverAtStart == null ? new ServerCounts() : serverAtStart;
    ServerCounts delta = new ServerCounts();
    delta.received = server.received - start.received;
    delta.processed = server.processed - start.processed;
    delta.dropped = server.dropped - start.dropped;
    delta.errors = server.errors - start.errors;
    return delta;
  }

  String lastError() {
    return lastError;
  }

  Future<Void> close() {
    stopSending();
    return socket == null ? Future.succeededFuture() : socket.close();
  }

  private void schedule() {
    long delayMs = Math.max(1, (nextDue - System.nanoTime() + 999_999) / 1_000_000);
    timer = vertx.setTimer(delayMs, id -> tick());
  }

  private void tick() {
    if (!sending) {
      return;
    }
    long now = System.nanoTime();
    expireOld(now);
    if (now < nextDue) {
      schedule();
      return;
    }
    // A late timer sends one frame, not a burst: a camera that lags loses frames, it does not queue them.
    while (nextDue <= now) {
      nextDue += periodNanos;
    }
    if (unanswered.size() < inFlightLimit) {
      long id = nextId++ & 0xFFFF_FFFFL;
      byte[] jpeg = frames.get(id);
      Buffer message = Buffer.buffer(4 + jpeg.length).appendUnsignedInt(id).appendBytes(jpeg);
      unanswered.put(id, now);
      socket.writeBinaryMessage(message);
      if (recording) {
        sent++;
      }
    } else if (recording) {
      skipped++;
    }
    schedule();
  }

  private void expireOld(long now) {
    Iterator<Long> sentTimes = unanswered.values().iterator();
    while (sentTimes.hasNext()) {
      long sentAt = sentTimes.next();
      if (now - sentAt < TIMEOUT_NANOS) {
        break;
      }
      sentTimes.remove();
      if (counts(sentAt)) {
        timedOut++;
      }
    }
  }

  private void onImage(Buffer message) {
    long now = System.nanoTime();
    long id = message.getUnsignedInt(0);
    Long sentAt = unanswered.remove(id);
    if (sentAt == null) {
      if (recording) {
        lateReplies++;
      }
      return;
    }
    if (counts(sentAt)) {
      answered++;
      lastCountedId = id;
      latencies.add(now - sentAt);
    }
  }

  private void onText(String text) {
    JsonObject message = new JsonObject(text);
    switch (message.getString("type", "")) {
      case "stats" -> onStats(message);
      case "error" -> onError(message);
      case "faces" -> {
        if (message.getLong("id", -2L) == lastCountedId && !message.getJsonArray("faces").isEmpty()) {
          framesWithFaces++;
        }
      }
      default -> { }
    }
  }

  private void onStats(JsonObject stats) {
    server.received = stats.getLong("received", 0L);
    server.processed = stats.getLong("processed", 0L);
    server.dropped = stats.getLong("dropped", 0L);
    server.errors = stats.getLong("errors", 0L);
    // The server drops silently; its stats say how many, and those were the oldest frames still waiting.
    long newDrops = server.dropped - lastServerDropped;
    lastServerDropped = server.dropped;
    Iterator<Long> oldest = unanswered.values().iterator();
    for (long i = 0; i < newDrops && oldest.hasNext(); i++) {
      long sentAt = oldest.next();
      oldest.remove();
      if (counts(sentAt)) {
        droppedByServer++;
      }
    }
  }

  private void onError(JsonObject error) {
    Long id = error.getLong("id");
    Long sentAt = id == null ? null : unanswered.remove(id);
    lastError = error.getString("code") + ": " + error.getString("message");
    if (recording && (sentAt == null || counts(sentAt))) {
      errors++;
    }
  }

  /** Whether a frame sent at this time belongs to the measured window. */
  private boolean counts(long sentAt) {
    return recording && sentAt >= windowStart;
  }

  private static ServerCounts copy(ServerCounts counts) {
    ServerCounts copy = new ServerCounts();
    copy.received = counts.received;
    copy.processed = counts.processed;
    copy.dropped = counts.dropped;
    copy.errors = counts.errors;
    return copy;
  }
}
