package dev.livelens.rooms;

import dev.livelens.bus.Addresses;
import dev.livelens.web.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * One member's live captions in a room, both ways. The page hears its own microphone through
 * {@code /ws/captions} and hands each caption to its room socket; here it is published on the room's
 * captions address (so it reaches members on every node) as the socket's own user, never one the client
 * names, and the others' captions are passed to this member's page. Captions are not stored. A page sends a
 * partial only when it changed (at most ten a second from 100 ms of audio each); more than
 * {@link #PER_SECOND} in a second are dropped, so a page cannot flood the room.
 */
final class RoomCaptions {

  static final int MAX_CHARS = 500;
  static final int PER_SECOND = 20;

  private final Vertx vertx;
  private final long userId;
  private final RoomChannel channel;
  private long windowStart;
  private int inWindow;

  RoomCaptions(Vertx vertx, long userId, RoomChannel channel) {
    this.vertx = vertx;
    this.userId = userId;
    this.channel = channel;
  }

  /** {"type":"caption","text":…,"final":true|false} from this member's page. */
  Future<Void> say(String roomId, Object text, Object isFinal) {
    if (!(text instanceof String s) || s.length() > MAX_CHARS || !(isFinal instanceof Boolean)) {
      return Future.failedFuture(Problem.badRequest("bad_message", "a caption is a text of at most " + MAX_CHARS
          + " characters and whether it is final"));
    }
    long now = System.nanoTime();
    if (now - windowStart > 1_000_000_000L) {
      windowStart = now;
      inWindow = 0;
    }
    if (++inWindow <= PER_SECOND) {
      vertx.eventBus().publish(Addresses.roomCaptions(roomId), new JsonObject().put("type", "caption")
          .put("room", roomId).put("from", userId).put("text", s).put("final", isFinal));
    }
    return Future.succeededFuture();
  }

  /**
   * A caption said in the room, passed on unless it is this member's own (their page shows it already): a
   * partial is skipped while this member's page is not reading (the next replaces it), a final is not.
   */
  void show(JsonObject caption) {
    if (caption.getLong("from", 0L) == userId) {
      return;
    }
    if (caption.getBoolean("final", false)) {
      channel.text(caption.encode());
    } else {
      channel.replaceable(caption.encode());
    }
  }
}
