package dev.livelens.rooms;

import dev.livelens.web.RandomIds;

import dev.livelens.web.Problem;

import dev.livelens.web.User;
import dev.livelens.bus.Addresses;
import dev.livelens.config.RoomsConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The rooms, in Vert.x's shared map (cluster-wide when clustered) so every node sees the same members.
 * Each change happens under the room's lock, is stored, then published on {@link Addresses#room}: the
 * members' sockets, on any node, learn of it from there. An empty room is kept for a while (its link may
 * still be shared), then expires; an empty call is gone at once.
 */
final class RoomRegistry {

  static final String MAP = "livelens.rooms";
  private static final long EMPTY_ROOM_TTL_MS = 10 * 60_000L;
  private static final long LOCK_TIMEOUT_MS = 5_000;

  private final Vertx vertx;
  private final RoomsConfig limits;
  private final Future<AsyncMap<String, JsonObject>> map;

  RoomRegistry(Vertx vertx, RoomsConfig limits) {
    this.vertx = vertx;
    this.limits = limits;
    this.map = vertx.sharedData().getAsyncMap(MAP);
  }

  /** A new, empty room (a call: a room of two that only the two may join). */
  Future<Room> create(User owner, String name, boolean call, List<Long> invited) {
    Room room = new Room(RandomIds.LONG.next(), name, call ? 2 : limits.maxRoomSize(), call, owner.id(), invited, List.of(),
        List.of());
    if (call) {
      return insert(room);
    }
    // The count and the insert under one lock for the person, on every node: a burst of creations sees each
    // other's rooms.
    return vertx.sharedData().getLockWithTimeout("livelens.rooms.owner." + owner.id(), LOCK_TIMEOUT_MS)
        .compose(lock -> list().compose(rooms -> {
          long open = rooms.stream().filter(r -> !r.call() && r.owner() == owner.id()).count();
          return open >= limits.maxRoomsPerUser()
              ? Future.<Room>failedFuture(Problem.badRequest("too_many_rooms", "you have " + open
                  + " open rooms, the most one person may have; leave one empty to let it expire, or join another"))
              : insert(room);
        }).andThen(done -> lock.release()));
  }

  private Future<Room> insert(Room room) {
    return map.compose(rooms -> rooms.put(room.id(), room.toJson(), EMPTY_ROOM_TTL_MS))
        .map(done -> room).onSuccess(this::announce);
  }

  Future<Room> find(String roomId) {
    return map.compose(rooms -> rooms.get(roomId)).compose(json -> json == null
        ? Future.failedFuture(Problem.badRequest("unknown_room", "there is no room " + roomId
            + " (it ended, or its link is wrong)"))
        : Future.succeededFuture(Room.fromJson(json)));
  }

  Future<List<Room>> list() {
    return map.compose(AsyncMap::values).map(values -> values.stream().map(Room::fromJson).toList());
  }

  /** Adds one connection of the user; refused when the room is full or is a call they are not part of. */
  Future<Room> join(String roomId, User user, String connection) {
    return change(roomId, room -> {
      if (room.removed().contains(user.id())) {
        throw Problem.badRequest("removed", "the room's owner removed you from this room");
      }
      if (!room.mayJoin(user.id())) {
        throw Problem.badRequest("not_invited", "this call is between two other people");
      }
      Room.Member existing = room.member(user.id()).orElse(null);
      if (existing == null && room.isFull()) {
        throw Problem.badRequest("room_full", "the room is full (" + room.max() + " people); try again when someone leaves");
      }
      return room.with(existing == null ? new Room.Member(user.id(), user.username(), List.of(connection), null, false)
          : new Room.Member(user.id(), user.username(), plus(existing.connections(), connection), existing.stream(),
              existing.muted()));
    });
  }

  /** Takes one connection of the user away; the person leaves with their last one. A call ends with anyone leaving. */
  Future<Room> leave(String roomId, String connection) {
    return change(roomId, room -> room.withoutConnections(Set.of(connection)));
  }

  /**
   * Takes away connections that closed without leaving (their node died): a call that loses anyone ends.
   * Completes with false when nothing was to be taken away.
   */
  Future<Boolean> prune(String roomId, Set<String> gone) {
    return find(roomId).compose(seen -> {
      Room after = seen.withoutConnections(gone);
      if (after.members().equals(seen.members())) {
        return Future.succeededFuture(false);
      }
      return seen.call() ? end(roomId).map(true)
          : change(roomId, room -> room.withoutConnections(gone)).map(true);
    });
  }

  private static List<String> plus(List<String> connections, String connection) {
    List<String> more = new ArrayList<>(connections);
    more.add(connection);
    return List.copyOf(more);
  }

  /** Changes a member's camera or mute state. */
  Future<Room> update(String roomId, long userId, UnaryOperator<Room.Member> change) {
    return change(roomId, room -> room.changing(userId, change));
  }

  /** Ends a call: it is removed and its members learn it ended. */
  Future<Void> end(String roomId) {
    return end(roomId, null);
  }

  /** Its owner closes a room: it is removed, and its members learn why ({@code reason} "closed"). */
  Future<Void> close(String roomId) {
    return end(roomId, Room.CLOSED);
  }

  /** Its owner takes a member out of a room for good (their sockets in it learn it and close). */
  Future<Room> remove(String roomId, long userId) {
    return change(roomId, room -> room.removing(userId));
  }

  private Future<Void> end(String roomId, String reason) {
    return map.compose(rooms -> rooms.remove(roomId)).onSuccess(json -> {
      if (json != null) {
        vertx.eventBus().publish(Addresses.room(roomId), json.copy().put("ended", true).put("reason", reason));
        // Whoever was called and has not answered learns it too: their prompt goes away.
        JsonObject ended = new JsonObject().put("type", "ended").put("room", roomId);
        Room.fromJson(json).invited().forEach(id -> vertx.eventBus().publish(Addresses.user(id), ended));
        vertx.eventBus().publish(Addresses.PRESENCE, roomId);
      }
    }).mapEmpty();
  }

  private Future<Room> change(String roomId, Function<Room, Room> change) {
    return vertx.sharedData().getLockWithTimeout("livelens.room.lock." + roomId, LOCK_TIMEOUT_MS)
        .compose(lock -> find(roomId).compose(room -> {
          Room changed = change.apply(room);
          return store(changed).map(changed);
        }).andThen(done -> lock.release()))
        .onSuccess(this::announce);
  }

  private Future<Void> store(Room room) {
    if (room.isEmpty() && room.call()) {
      return map.compose(rooms -> rooms.remove(room.id())).mapEmpty();
    }
    return map.compose(rooms -> room.isEmpty() ? rooms.put(room.id(), room.toJson(), EMPTY_ROOM_TTL_MS)
        : rooms.put(room.id(), room.toJson()));
  }

  private void announce(Room room) {
    vertx.eventBus().publish(Addresses.room(room.id()), room.toJson());
    vertx.eventBus().publish(Addresses.PRESENCE, room.id());
  }
}
