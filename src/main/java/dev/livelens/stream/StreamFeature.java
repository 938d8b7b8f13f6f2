package dev.livelens.stream;

import dev.livelens.config.LiveLensConfig;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.metrics.PipelineMetrics;
import dev.livelens.web.CloseCodes;
import dev.livelens.web.ConnectionLimiter;
import dev.livelens.web.Feature;
import dev.livelens.web.Mounts;
import dev.livelens.web.OpenSockets;
import dev.livelens.web.SignedInUsers;
import dev.livelens.web.SocketUpgrade.Admitted;
import dev.livelens.web.User;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The live stream: the socket {@code /ws/stream} that takes a camera's frames and answers each processed,
 * and {@code /api/filters}, which the page builds its selector from. The connection limits and the bytes
 * held by waiting frames are the node's; each event loop has its own stats ticker for the streams on it.
 */
public final class StreamFeature implements Feature {

  public static final String PATH = "/ws/stream";

  private final LiveLensConfig config;
  private final FilterCatalog catalog;
  private final PipelineMetrics metrics;
  private final Supplier<StreamRecording> recordings;
  private final Supplier<SignedInUsers> users;
  private final ConnectionLimiter limiter;
  private final OpenSockets sockets;
  /** Stream connections open on each event loop, in mount order: how connections spread, for tests. */
  private final List<AtomicInteger> openPerLoop = new CopyOnWriteArrayList<>();
  private StreamServices services;
  private boolean quiet;

  /**
   * @param recordings the recorder of streams, once its feature has started
   * @param users who opened a stream, once accounts have started (a stream may be anonymous)
   * @param sockets the node's long-lived sockets, told (1001) when it stops
   */
  public StreamFeature(LiveLensConfig config, FilterCatalog catalog, PipelineMetrics metrics,
      Supplier<StreamRecording> recordings, Supplier<SignedInUsers> users, OpenSockets sockets) {
    this.config = config;
    this.catalog = catalog;
    this.metrics = metrics;
    this.recordings = recordings;
    this.users = users;
    this.sockets = sockets;
    this.limiter = new ConnectionLimiter(config.maxConnections(), config.maxConnectionsPerAddress());
  }

  /** Its streams' openings and closings go to DEBUG (the warm-up's many short streams); call before start. */
  public StreamFeature quiet() {
    this.quiet = true;
    return this;
  }

  @Override
  public Future<?> start(Vertx vertx) {
    PendingBytes pending = new PendingBytes(config.maxPendingBytes());
    metrics.pendingBytes(pending::held);
    services = new StreamServices(vertx, config, catalog, metrics, pending, LostFrames.start(vertx,
        config.maxWaitMs()), recordings.get(), users.get(), quiet);
    return Future.succeededFuture();
  }

  @Override
  public void mount(Mounts mounts) {
    StatsTicker stats = StatsTicker.start(mounts.vertx());
    AtomicInteger open = new AtomicInteger();
    openPerLoop.add(open);
    Router router = mounts.router();
    router.get(PATH).handler(mounts.socketCountedByFeature(config.maxWebSocketMessageBytes(),
        ctx -> admit(ctx, stats, open)));
    router.get("/api/filters").handler(this::filters);
  }

  /**
   * The filters with what each has cost a frame here so far ({@code cost}: mean milliseconds, alone and in
   * chains, over how many frames): a chain costs about the sum of its filters' costs.
   */
  private void filters(RoutingContext ctx) {
    JsonArray filters = catalog.toJson();
    filters.forEach(f -> ((JsonObject) f).put("cost", metrics.filterCost(((JsonObject) f).getString("name"))));
    ctx.response().putHeader("Content-Type", "application/json").end(filters.encode());
  }

  /** Stream connections open on each event loop; empty before the first mount. */
  public List<Integer> openPerEventLoop() {
    return openPerLoop.stream().map(AtomicInteger::get).toList();
  }

  /**
   * Over a connection limit the socket still opens, to say why (busy) and close with 1013 (try again
   * later): a browser cannot read the status of a refused upgrade.
   */
  private Admitted admit(RoutingContext ctx, StatsTicker stats, AtomicInteger open) {
    String address = ctx.request().remoteAddress().hostAddress();
    String initialFilter = ctx.request().getParam("filter");
    Optional<User> owner = services.users().of(ctx.request());
    if (!limiter.tryAcquire(address)) {
      return Admitted.to((socket, messages) -> refuse(socket));
    }
    return new Admitted((socket, messages) -> {
      if (!sockets.admit(socket)) {
        limiter.release(address); // the node is stopping: closed at once, going away
        return;
      }
      open.incrementAndGet();
      StreamSession session = new StreamSession(socket, services, stats);
      owner.ifPresent(session::ownedBy);
      Runnable forget = owner.isPresent() ? services.users().closeOnSignOut(ctx.request(), socket) : () -> { };
      session.start(messages, initialFilter, () -> {
        forget.run();
        open.decrementAndGet();
        limiter.release(address);
        sockets.closed(socket);
      });
    }, () -> limiter.release(address));
  }

  private static void refuse(ServerWebSocket socket) {
    socket.writeTextMessage(WireFormat.error(ErrorCode.BUSY, "the server has too many connections", null))
        .eventually(() -> socket.close(CloseCodes.TRY_AGAIN_LATER, "try again later"));
  }
}
