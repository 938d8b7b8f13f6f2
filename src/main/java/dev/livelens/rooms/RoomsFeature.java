package dev.livelens.rooms;

import dev.livelens.config.RoomsConfig;
import dev.livelens.db.DatabaseFeature;
import dev.livelens.web.Deployed;
import dev.livelens.web.Feature;
import dev.livelens.web.Mounts;
import dev.livelens.web.OpenSockets;
import dev.livelens.web.KnownUsers;
import dev.livelens.web.SignedInUsers;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Presence, chat, calls and rooms. The node's registry, presence, board, sweeper and chat are built once,
 * in a verticle of their own whose context runs the board's and the sweeper's timers and consumers, so
 * that stopping the feature (undeploying it) releases them; every event loop mounts the routes.
 */
public final class RoomsFeature implements Feature {

  public static final String SOCKET_PATH = RoomsRoutes.SOCKET_PATH;

  private final RoomsConfig limits;
  private final DatabaseFeature database;
  private final Supplier<SignedInUsers> users;
  private final Supplier<KnownUsers> people;
  private final OpenSockets sockets;
  private RoomsRoutes routes;
  private Deployed deployed = Deployed.NOTHING;

  /** @param sockets the node's long-lived sockets: a room socket is told (1001) when the node stops */
  public RoomsFeature(RoomsConfig limits, DatabaseFeature database, Supplier<SignedInUsers> users,
      Supplier<KnownUsers> people, OpenSockets sockets) {
    this.limits = limits;
    this.database = database;
    this.users = users;
    this.people = people;
    this.sockets = sockets;
  }

  @Override
  public Future<?> start(Vertx vertx) {
    NodeRooms node = new NodeRooms();
    return Deployed.deploy(vertx, node).onSuccess(done -> {
      deployed = done;
      routes = new RoomsRoutes(node.services, users.get(), sockets);
    });
  }

  @Override
  public void mount(Mounts mounts) {
    routes.mount(mounts);
  }

  @Override
  public Future<?> stop() {
    return deployed.undeploy();
  }

  /** The node's rooms, on the context of this verticle. */
  private final class NodeRooms extends VerticleBase {

    private RoomServices services;

    @Override
    public Future<?> start() {
      RoomRegistry rooms = new RoomRegistry(vertx, limits);
      Presence presence = new Presence(vertx);
      services = new RoomServices(vertx, limits, rooms, presence, PresenceBoard.start(vertx, presence, rooms),
          new Chat(vertx, new ChatStore(database.database().pool())), people.get());
      RoomSweeper.start(vertx, rooms, presence);
      return Future.succeededFuture();
    }
  }
}
