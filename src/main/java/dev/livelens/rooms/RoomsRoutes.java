package dev.livelens.rooms;

import dev.livelens.web.Mounts;
import dev.livelens.web.OpenSockets;
import dev.livelens.web.Problem;
import dev.livelens.web.SignedInUsers;
import dev.livelens.web.SocketUpgrade.Admitted;
import dev.livelens.web.User;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Presence, chat, calls and rooms on one event loop: the socket {@code /ws/rooms} (signed-in people only,
 * from the server's own pages only) and the pages {@code /rooms} and {@code /rooms/<id>}.
 */
final class RoomsRoutes {

  static final String SOCKET_PATH = "/ws/rooms";

  private final RoomServices services;
  private final SignedInUsers users;
  private final OpenSockets sockets;
  private final RoomOwnerRoutes owners;

  RoomsRoutes(RoomServices services, SignedInUsers users, OpenSockets sockets) {
    this.services = services;
    this.users = users;
    this.sockets = sockets;
    this.owners = new RoomOwnerRoutes(services, users);
  }

  void mount(Mounts mounts) {
    Router router = mounts.router();
    router.get(SOCKET_PATH).handler(mounts.socket(SOCKET_PATH, RoomSocket.MAX_MESSAGE_BYTES, this::admit));
    router.get("/rooms").handler(Mounts.page("/rooms.html"));
    router.get("/rooms/:id").handler(Mounts.page("/room.html"));
    owners.mount(router);
  }

  /** Refused before the upgrade when nobody is signed in (401); a guest identity has no account yet. */
  private Admitted admit(RoutingContext ctx) {
    User user = users.of(ctx.request()).filter(who -> !who.guest()).orElseThrow(() -> new Problem(401,
        "not_signed_in",
        "sign in at /account to use rooms, chat and calls"));
    return Admitted.to((socket, messages) -> {
      if (sockets.admit(socket)) { // else the node is stopping: closed at once, going away
        Runnable forget = users.closeOnSignOut(ctx.request(), socket);
        new RoomSocket(services, socket, user, () -> {
          forget.run();
          sockets.closed(socket);
        }).start(messages);
      }
    });
  }
}
