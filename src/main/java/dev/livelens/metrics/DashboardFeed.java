package dev.livelens.metrics;

import dev.livelens.bus.Addresses;
import dev.livelens.web.CloseCodes;
import dev.livelens.web.SocketMessages;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
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
 * charts do not start empty. One feed serves every HTTP verticle of the server: it is a verticle of its
 * own, its list of dashboards and its history are touched on its context only, and each socket's
 * handlers are set on the socket's own event loop before it is handed over.
 */
public final class DashboardFeed extends VerticleBase {

  public static final long PERIOD_MS = 1000;
  /** Snapshots kept for a dashboard that connects: two minutes, what the page's charts show. */
  static final int HISTORY = 120;
  /** More dashboards than this get close code 1013 (try again later): each costs a write a second. */
  public static final int MAX_CLIENTS = 32;
  /** The page sends nothing; a client that does is closed at its first frame. */
  public static final int MAX_MESSAGE_BYTES = 1024;

  private final SnapshotSampler sampler;
  private final long pingEveryTicks;
  private final ArrayDeque<String> history = new ArrayDeque<>(HISTORY);
  private final Set<ServerWebSocket> clients = new LinkedHashSet<>();
  private final NodeTable nodes = new NodeTable();
  private long ticks;

  /**
   * @param idleTimeoutSeconds the server's read idle timeout: dashboards are pinged well within it,
   *     since a browser answers pings but sends nothing else
   */
  public DashboardFeed(MeterRegistry registry, int idleTimeoutSeconds) {
    this.sampler = new SnapshotSampler(registry);
    this.pingEveryTicks = Math.max(1, idleTimeoutSeconds * 1000L / 3 / PERIOD_MS);
  }

  @Override
  public Future<?> start() {
    sampler.sample(System.nanoTime(), System.currentTimeMillis());
    vertx.setPeriodic(PERIOD_MS, id -> tick());
    // Every node's report, this one's included: in a cluster the dashboard shows them all.
    return vertx.eventBus().<JsonObject>consumer(Addresses.NODE_REPORTS,
        report -> nodes.put(report.body(), System.currentTimeMillis())).completion();
  }

  /**
   * Adds a dashboard: it gets the history at once, then every snapshot until it closes. Called on the
   * socket's event loop (any HTTP verticle's).
   */
  public void add(ServerWebSocket socket, SocketMessages messages) {
    messages.onClose(() -> context.runOnContext(nothing -> clients.remove(socket)));
    // The feed only talks; a client that sends is misusing it.
    socket.handler(data -> socket.close(CloseCodes.UNSUPPORTED_DATA, "this socket only sends"));
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
