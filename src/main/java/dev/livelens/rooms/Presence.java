package dev.livelens.rooms;

import dev.livelens.web.User;
import dev.livelens.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.util.List;
import java.util.Set;

/**
 * Who is online: one entry per open socket in the shared map (cluster-wide when clustered), each with a
 * time to live that the socket renews. A closed socket removes its entry at once; a node that dies takes
 * its entries with it when they expire. Changes are announced on {@link Addresses#PRESENCE}.
 */
final class Presence {

  static final String MAP = "livelens.presence";
  static final long RENEW_EVERY_MS = 3_000;
  static final long TTL_MS = 3 * RENEW_EVERY_MS + 1_000;

  private final Vertx vertx;
  private final Future<AsyncMap<String, JsonObject>> map;

  Presence(Vertx vertx) {
    this.vertx = vertx;
    this.map = vertx.sharedData().getAsyncMap(MAP);
  }

  /** Says (again) that this connection is open, and in which room it is (null: none). */
  Future<Void> announce(String connection, User user, Room room, boolean changed) {
    JsonObject entry = new JsonObject().put("id", user.id()).put("name", user.username());
    if (room != null) {
      entry.put("room", room.call() ? null : room.id()).put("roomName", room.call() ? null : room.name())
          .put("inCall", room.call());
    }
    return map.compose(entries -> entries.put(connection, entry, TTL_MS)).onSuccess(done -> {
      if (changed) {
        vertx.eventBus().publish(Addresses.PRESENCE, connection);
      }
    });
  }

  Future<Void> remove(String connection) {
    return map.compose(entries -> entries.remove(connection))
        .onSuccess(removed -> vertx.eventBus().publish(Addresses.PRESENCE, connection)).mapEmpty();
  }

  /** The connections open now (in a cluster: on any node still alive, or dead less than {@link #TTL_MS} ago). */
  Future<Set<String>> connections() {
    return map.compose(AsyncMap::keys);
  }

  Future<List<JsonObject>> entries() {
    return map.compose(AsyncMap::values);
  }
}
