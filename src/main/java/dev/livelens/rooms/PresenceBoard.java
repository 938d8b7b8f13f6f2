package dev.livelens.rooms;

import dev.livelens.bus.Addresses;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * This node's view of who is online and which rooms are open, for its sockets: rebuilt from the shared
 * maps shortly after any node announces a change (and every few seconds, to notice entries that expired),
 * and pushed to the sockets only when it differs from the last one.
 */
final class PresenceBoard {

  private static final long SETTLE_MS = 30;
  private static final long REFRESH_EVERY_MS = 2_000;

  private final Vertx vertx;
  private final Context context;
  private final Presence presence;
  private final RoomRegistry rooms;
  private final Set<Consumer<JsonObject>> watchers = new CopyOnWriteArraySet<>();
  private JsonObject last = new JsonObject().put("type", "presence").put("people", new JsonArray())
      .put("rooms", new JsonArray());
  private boolean scheduled;

  private PresenceBoard(Vertx vertx, Presence presence, RoomRegistry rooms) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.presence = presence;
    this.rooms = rooms;
  }

  /** Runs on the calling context (the rooms' own verticle): every event loop's sockets watch this one board. */
  static PresenceBoard start(Vertx vertx, Presence presence, RoomRegistry rooms) {
    PresenceBoard board = new PresenceBoard(vertx, presence, rooms);
    vertx.eventBus().consumer(Addresses.PRESENCE, message -> board.refreshSoon());
    vertx.setPeriodic(REFRESH_EVERY_MS, t -> board.refreshSoon());
    return board;
  }

  /** Starts sending this node's view to {@code watcher}, beginning with the current one. */
  Runnable watch(Consumer<JsonObject> watcher) {
    context.runOnContext(v -> {
      watchers.add(watcher);
      watcher.accept(last);
      refreshSoon();
    });
    return () -> context.runOnContext(v -> watchers.remove(watcher));
  }

  private void refreshSoon() {
    if (!scheduled) {
      scheduled = true;
      vertx.setTimer(SETTLE_MS, t -> refresh());
    }
  }

  private void refresh() {
    scheduled = false;
    Future.all(presence.entries(), rooms.list()).onSuccess(both -> {
      JsonObject now = snapshot(both.resultAt(0), both.resultAt(1));
      if (!now.equals(last)) {
        last = now;
        watchers.forEach(watcher -> watcher.accept(now));
      }
    });
  }

  /** One line per person (in a room if any of their tabs is in one), and the rooms that are not calls. */
  private static JsonObject snapshot(List<JsonObject> entries, List<Room> open) {
    Map<Long, JsonObject> people = new LinkedHashMap<>();
    entries.stream().sorted(Comparator.comparing((JsonObject e) -> e.getString("name").toLowerCase())
        .thenComparing(e -> e.containsKey("inCall") ? 0 : 1)).forEach(entry -> people.merge(entry.getLong("id"),
            entry.copy(), (kept, other) -> kept.containsKey("inCall") ? kept : other));
    JsonArray roomList = new JsonArray(open.stream().filter(room -> !room.call())
        .sorted(Comparator.comparing(Room::name)).map(room -> new JsonObject().put("id", room.id())
            .put("name", room.name()).put("max", room.max())
            .put("members", new JsonArray(room.members().stream().map(Room.Member::name).toList()))).toList());
    return new JsonObject().put("type", "presence").put("people", new JsonArray(List.copyOf(people.values())))
        .put("rooms", roomList);
  }
}
