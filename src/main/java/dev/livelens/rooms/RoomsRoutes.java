package dev.livelens.rooms;

import dev.livelens.account.SignedInUsers;
import dev.livelens.account.User;
import dev.livelens.config.RoomsConfig;
import dev.livelens.http.ApiErrors;
import dev.livelens.http.OpenSockets;
import dev.livelens.http.OriginPolicy;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.Optional;

/**
 * Presence, chat, calls and rooms: the socket {@code /ws/rooms} (signed-in people only, from the server's
 * own pages only) and the pages {@code /rooms} and {@code /rooms/<id>}.
 */
public final class RoomsRoutes {

  public static final String SOCKET_PATH = "/ws/rooms";

  private final RoomServices services;
  private final SignedInUsers users;
  private final OriginPolicy origins;
  private final OpenSockets sockets;

  private RoomsRoutes(RoomServices services, SignedInUsers users, OriginPolicy origins, OpenSockets sockets) {
    this.services = services;
    this.users = users;
    this.origins = origins;
    this.sockets = sockets;
  }

  /**
   * Mount before the catch-all static handler, from the HTTP verticle's start (its event loop runs the board).
   *
   * @param sockets the node's long-lived sockets: a room socket is told (1001) when the node stops
   */
  public static void mount(Router router, Vertx vertx, RoomsConfig limits, Pool pool, SignedInUsers users,
      OriginPolicy origins, OpenSockets sockets) {
    RoomRegistry rooms = new RoomRegistry(vertx, limits);
    Presence presence = new Presence(vertx);
    RoomServices services = new RoomServices(vertx, limits, rooms, presence,
        PresenceBoard.start(vertx, presence, rooms), new Chat(vertx, new ChatStore(pool)));
    RoomSweeper.start(vertx, rooms, presence);
    RoomsRoutes routes = new RoomsRoutes(services, users, origins, sockets);
    router.get(SOCKET_PATH).handler(routes::upgrade);
    router.get("/rooms").handler(ctx -> ctx.reroute("/rooms.html"));
    router.get("/rooms/:id").handler(ctx -> ctx.reroute("/room.html"));
  }

  /** Refused before the upgrade: a foreign page (403), or nobody signed in (401). */
  private void upgrade(RoutingContext ctx) {
    if (!origins.allows(ctx.request())) {
      ApiErrors.send(ctx, 403, "forbidden_origin", "rooms open only from this server's own pages");
      return;
    }
    Optional<User> user = users.of(ctx.request());
    if (user.isEmpty()) {
      ApiErrors.send(ctx, 401, "not_signed_in", "sign in at /account to use rooms, chat and calls");
      return;
    }
    ctx.request().toWebSocket().onSuccess(socket -> {
      if (sockets.admit(socket)) {
        new RoomSocket(services, socket, user.get(), () -> sockets.closed(socket)).start();
      }
    });
  }
}
