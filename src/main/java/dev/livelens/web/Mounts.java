package dev.livelens.web;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Where features put their routes on one event loop's router: each feature gets a sub-router of its own,
 * mounted at the root so its paths read in full. A request that none of a sub-router's routes match goes on
 * to the next; since no two features answer the same method and path, the order of mounting means nothing.
 */
public final class Mounts {

  private final Vertx vertx;
  private final Router root;
  private final OriginPolicy origins;
  private final SocketLimits sockets;

  /** @param sockets the node's socket limits, the same for every event loop */
  public Mounts(Vertx vertx, Router root, OriginPolicy origins, SocketLimits sockets) {
    this.vertx = vertx;
    this.root = root;
    this.origins = origins;
    this.sockets = sockets;
  }

  /** A new, empty sub-router for one feature's routes. */
  public Router router() {
    Router own = Router.router(vertx);
    root.route("/*").subRouter(own);
    return own;
  }

  /**
   * A new sub-router mounted at {@code prefix}, whose paths are read after it: for a handler that serves
   * files relative to the prefix.
   */
  public Router router(String prefix) {
    Router own = Router.router(vertx);
    root.route(prefix + "/*").subRouter(own);
    return own;
  }

  /**
   * The handler that opens a WebSocket on {@code path} (see {@link SocketUpgrade}): at most
   * {@code --max-sockets-per-address} from one address, messages of at most {@code maxMessageBytes}.
   */
  public Handler<RoutingContext> socket(String path, int maxMessageBytes, SocketUpgrade.Admission admission) {
    return SocketUpgrade.of(origins, sockets, path, maxMessageBytes, admission);
  }

  /** The same, for a feature that counts its sockets per address itself (the stream, with its own limits). */
  public Handler<RoutingContext> socketCountedByFeature(int maxMessageBytes, SocketUpgrade.Admission admission) {
    return SocketUpgrade.of(origins, sockets, null, maxMessageBytes, admission);
  }

  /** A page's short address: {@code /library} serves {@code /library.html}. */
  public static Handler<RoutingContext> page(String file) {
    return ctx -> ctx.reroute(file);
  }

  public Vertx vertx() {
    return vertx;
  }
}
