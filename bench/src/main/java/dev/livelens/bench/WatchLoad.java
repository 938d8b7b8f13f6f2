package dev.livelens.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watch analytics under load: {@code connections} players each send batches of heartbeats (plausible ones,
 * a second of media per second of their own clock), at most {@code perConnection} events a second (under
 * the server's per-connection limit) and never before the last batch is acknowledged; the time from
 * sending a batch to its acknowledgement (stored, in a committed transaction) is measured once the
 * players have run for a warm-up (a cold server's first transactions wait for the JIT and the database's
 * first statements, with every player's first batch queued behind them). Then the analytics API is read
 * repeatedly.
 */
final class WatchLoad {

  private final Vertx vertx;
  private final String host;
  private final int port;
  private final String video;
  private final double durationSeconds;

  WatchLoad(Vertx vertx, String host, int port, String video, double durationSeconds) {
    this.vertx = vertx;
    this.host = host;
    this.port = port;
    this.video = video;
    this.durationSeconds = durationSeconds;
  }

  /** Events per second stored and the batch round trip percentiles (ms), over {@code seconds} after the warm-up. */
  String ingest(int connections, int batch, double perConnection, double warmup, double seconds) throws Exception {
    AtomicLong stored = new AtomicLong();
    ConcurrentLinkedQueue<Long> acks = new ConcurrentLinkedQueue<>();
    long measuredFrom = System.nanoTime() + (long) (warmup * 1e9);
    long end = measuredFrom + (long) (seconds * 1e9);
    List<CompletableFuture<Void>> players = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      players.add(player(i, batch, (long) (batch / perConnection * 1e9), measuredFrom, end, stored, acks));
    }
    CompletableFuture.allOf(players.toArray(CompletableFuture[]::new)).get();
    long[] nanos = acks.stream().mapToLong(Long::longValue).sorted().toArray();
    return String.format(java.util.Locale.ROOT, "%d connections, batches of %d: %.0f events/s stored; batch to "
        + "acknowledgement p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d batches)", connections, batch,
        stored.get() / seconds, pct(nanos, 0.5), pct(nanos, 0.95), pct(nanos, 0.99), nanos.length);
  }

  private CompletableFuture<Void> player(int index, int batch, long periodNanos, long measuredFrom, long end,
      AtomicLong stored, ConcurrentLinkedQueue<Long> acks) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    WebSocketClient client = vertx.createWebSocketClient();
    ClientWebSocket socket = client.webSocket();
    long[] seq = {0};
    long[] clock = {System.currentTimeMillis() - 30L * 24 * 3600 * 1000}; // a month back: never "future"
    double[] media = {0};
    long[] sentAt = {0};
    Runnable sendBatch = () -> {
      JsonArray events = new JsonArray();
      for (int i = 0; i < batch; i++) {
        if (media[0] + 1 > durationSeconds) {
          events.add(new JsonObject().put("seq", seq[0]++).put("type", "seeking").put("at", clock[0])
              .put("from", media[0]).put("to", 0));
          media[0] = 0;
          continue;
        }
        clock[0] += 1000;
        events.add(new JsonObject().put("seq", seq[0]++).put("type", "heartbeat").put("at", clock[0])
            .put("from", media[0]).put("to", media[0] + 1).put("rate", 1));
        media[0] += 1;
      }
      sentAt[0] = System.nanoTime();
      socket.writeTextMessage(new JsonObject().put("type", "events").put("events", events).encode());
    };
    socket.textMessageHandler(text -> {
      JsonObject message = new JsonObject(text);
      switch (message.getString("type")) {
        case "view" -> sendBatch.run();
        case "ack" -> {
          if (sentAt[0] >= measuredFrom) {
            acks.add(System.nanoTime() - sentAt[0]);
            stored.addAndGet(batch);
          }
          long due = sentAt[0] + periodNanos;
          if (System.nanoTime() < end) {
            vertx.setTimer(Math.max(1, (due - System.nanoTime()) / 1_000_000), t -> sendBatch.run());
          } else {
            socket.close().eventually(client::close).onComplete(v -> done.complete(null));
          }
        }
        default -> done.completeExceptionally(new IllegalStateException("server said " + text));
      }
    });
    socket.connect(new WebSocketConnectOptions().setHost(host).setPort(port).setURI("/ws/watch"))
        .onSuccess(v -> socket.writeTextMessage(new JsonObject().put("type", "start").put("video", video)
            .put("viewer", "bench-viewer-" + index).encode()))
        .onFailure(done::completeExceptionally);
    return done;
  }

  /** GET /api/videos/<id>/analytics {@code reads} times as its owner ({@code cookie}); its p50 and p95 (ms). */
  String reads(int reads, String cookie) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/api/videos/"
        + video + "/analytics"));
    if (cookie != null) {
      builder.header("Cookie", cookie);
    }
    HttpRequest request = builder.build();
    long[] nanos = new long[reads];
    for (int i = 0; i < reads; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      nanos[i] = System.nanoTime() - start;
      if (response.statusCode() != 200) {
        throw new IllegalStateException("analytics read answered " + response.statusCode());
      }
    }
    Arrays.sort(nanos);
    return String.format(java.util.Locale.ROOT, "GET analytics x%d: p50 %.1f ms, p95 %.1f ms", reads,
        pct(nanos, 0.5), pct(nanos, 0.95));
  }

  private static double pct(long[] sortedNanos, double q) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    return sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.ceil(q * sortedNanos.length) - 1)] / 1e6;
  }
}
