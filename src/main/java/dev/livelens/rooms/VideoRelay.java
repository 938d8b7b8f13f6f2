package dev.livelens.rooms;

import dev.livelens.bus.StreamListener;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;

/**
 * One viewer's copies of the other members' processed video: a {@link StreamListener} per member whose
 * camera is on, each with its own newest-wins slot, writing the published JPEG bytes to this viewer's
 * socket. Follows the room's state: a member who turns their camera off, changes stream or leaves loses
 * their listener.
 */
final class VideoRelay {

  private record Watched(String stream, StreamListener listener) {
  }

  private final Vertx vertx;
  private final long viewer;
  private final RoomChannel channel;
  private final Map<Long, Watched> watched = new HashMap<>();

  VideoRelay(Vertx vertx, long viewer, RoomChannel channel) {
    this.vertx = vertx;
    this.viewer = viewer;
    this.channel = channel;
  }

  /** Listens to exactly the cameras that are on in {@code room}, other than the viewer's own. */
  void follow(Room room) {
    Map<Long, String> wanted = new HashMap<>();
    room.members().stream().filter(m -> m.id() != viewer && m.stream() != null)
        .forEach(m -> wanted.put(m.id(), m.stream()));
    watched.entrySet().removeIf(entry -> {
      boolean stale = !entry.getValue().stream().equals(wanted.get(entry.getKey()));
      if (stale) {
        entry.getValue().listener().close();
      }
      return stale;
    });
    wanted.forEach((member, stream) -> watched.computeIfAbsent(member, id -> new Watched(stream,
        StreamListener.listen(vertx, stream, frame -> channel.video(id, frame.frameId(), frame.jpeg()), () -> { }))));
  }

  /** Frames of the other members this viewer skipped so far. */
  long dropped() {
    return watched.values().stream().mapToLong(w -> w.listener().dropped()).sum();
  }

  void close() {
    watched.values().forEach(w -> w.listener().close());
    watched.clear();
  }
}
