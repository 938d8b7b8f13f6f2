package dev.livelens.metrics;

import dev.livelens.bus.Addresses;
import dev.livelens.stream.CloseCodes;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Pushes one metrics snapshot a second to every open dashboard over its WebSocket. The registry is
 * read once a tick however many dashboards watch; a dashboard whose socket cannot take more is
 * skipped for that tick rather than buffered for. A new dashboard first gets the recent past, so its
 * charts do not start empty. Everything runs on the context that started the feed.
 */
public final class DashboardFeed {

  public static final long PERIOD_MS = 1000;
  /** Snapshots kept for a dashboard that connects: two minutes, what the page's charts show. */
  static final int HISTORY = 120;
  /** More dashboards than this get close code 1013 (try again later): each costs a write a second. */
  public static final int MAX_CLIENTS = 32;

  private final Vertx vertx;
  private final Context context;
  private final SnapshotSampler sampler;
  private final long pingEveryTicks;
  private final ArrayDeque<String> history = new ArrayDeque<>(HISTORY);
  private final NodeTable nodes = new NodeTable();
  private final Set<ServerWebSocket> clients = new LinkedHashSet<>();
  private long ticks;

  private DashboardFeed(Vertx vertx, SnapshotSampler sampler, long pingEveryTicks) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.sampler = sampler;
    this.pingEveryTicks = pingEveryTicks;
  }

  /**
   * Starts sampling on the calling context; called from a verticle, the timer ends with it.
   *
   * @param idleTimeoutSeconds the server's read idle timeout: dashboards are pinged well within it,
   *     since a browser answers pings but sends nothing else
   */
  public static DashboardFeed start(Vertx vertx, MeterRegistry registry, int idleTimeoutSeconds) {
    DashboardFeed feed = new DashboardFeed(vertx, new SnapshotSampler(registry),
        Math.max(1, idleTimeoutSeconds * 1000L / 3 / PERIOD_MS));
    feed.sampler.sample(System.nanoTime(), System.currentTimeMillis());
    vertx.setPeriodic(PERIOD_MS, id -> feed.tick());
    // Every node's report, this one's included: in a cluster the dashboard shows them all.
    vertx.eventBus().<JsonObject>consumer(Addresses.NODE_REPORTS,
        report -> feed.nodes.put(report.body(), System.currentTimeMillis()));
    return feed;
  }

  /** Adds a dashboard: it gets the history at once, then every snapshot until it closes. */
  public void add(ServerWebSocket socket) {
    context.runOnContext(v -> accept(socket));
  }

  private void accept(ServerWebSocket socket) {
    if (socket.isClosed()) {
      return;
    }
    if (clients.size() >= MAX_CLIENTS) {
      socket.close(CloseCodes.TRY_AGAIN_LATER, "too many dashboards open");
      return;
    }
    clients.add(socket);
    socket.closeHandler(v -> context.runOnContext(nothing -> clients.remove(socket)));
    // The feed only talks; a client that sends is misusing it.
    socket.handler(data -> socket.close(CloseCodes.UNSUPPORTED_DATA, "this socket only sends"));
    socket.writeTextMessage("{\"type\":\"history\",\"snapshots\":[" + String.join(",", history) + "]}");
  }

  private void tick() {
    long now = System.currentTimeMillis();
    String snapshot = sampler.sample(System.nanoTime(), now).put("cluster", nodes.view(now)).encode();
    if (history.size() == HISTORY) {
      history.removeFirst();
    }
    history.addLast(snapshot);
    boolean ping = ++ticks % pingEveryTicks == 0;
    for (ServerWebSocket socket : clients) {
      send(socket, snapshot, ping);
    }
  }

  /**
   * A socket can close between its close handler being queued and this tick, and writeQueueFull() throws
   * on a closed one: closed sockets are skipped, and one socket's failure never stops the others' tick.
   */
  private static void send(ServerWebSocket socket, String snapshot, boolean ping) {
    try {
      if (socket.isClosed()) {
        return;
      }
      if (ping) {
        socket.writePing(Buffer.buffer());
      }
      if (!socket.writeQueueFull()) {
        socket.writeTextMessage(snapshot);
      }
    } catch (IllegalStateException closing) {
      // closed while we wrote: its close handler removes it
    }
  }
}
