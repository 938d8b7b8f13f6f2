package dev.livelens.rooms;

import dev.livelens.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes out of the rooms the connections of a node that died: its sockets never closed, so they never left,
 * and their people would stay members for ever (a room that never empties, a call that never ends). Once a
 * node leaves the cluster and its presence entries have expired, every connection still in a room but no
 * longer in {@link Presence} is taken away. The rooms are read before the presence: a connection is in
 * Presence before it joins any room, so one that joins meanwhile is never mistaken for a dead one.
 */
final class RoomSweeper {

  private static final Logger LOG = LoggerFactory.getLogger(RoomSweeper.class);
  /** After a node leaves: its presence entries expire within the time to live. */
  static final long SWEEP_AFTER_MS = Presence.TTL_MS + 1_000;

  private final RoomRegistry rooms;
  private final Presence presence;

  private RoomSweeper(RoomRegistry rooms, Presence presence) {
    this.rooms = rooms;
    this.presence = presence;
  }

  /** Sweeps {@link #SWEEP_AFTER_MS} after each cluster member leaves; runs on the calling context. */
  static void start(Vertx vertx, RoomRegistry rooms, Presence presence) {
    RoomSweeper sweeper = new RoomSweeper(rooms, presence);
    vertx.eventBus().<String>localConsumer(Addresses.NODE_LEFT,
        node -> vertx.setTimer(SWEEP_AFTER_MS, t -> sweeper.sweep()));
  }

  Future<Void> sweep() {
    return rooms.list().compose(open -> presence.connections().<Void>compose(alive -> {
      List<Future<Boolean>> pruned = open.stream().map(room -> {
        Set<String> gone = room.members().stream().flatMap(m -> m.connections().stream())
            .filter(c -> !alive.contains(c)).collect(Collectors.toSet());
        return gone.isEmpty() ? Future.succeededFuture(false) : rooms.prune(room.id(), gone)
            .onSuccess(changed -> {
              if (changed) {
                LOG.info("rooms: {} connection(s) of a node that left taken out of room {}", gone.size(), room.id());
              }
            });
      }).toList();
      return Future.join(pruned).<Void>mapEmpty();
    })).onFailure(failure -> LOG.warn("rooms: sweeping the connections of a node that left failed: {}",
        failure.toString()));
  }
}
