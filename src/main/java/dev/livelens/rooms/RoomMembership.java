package dev.livelens.rooms;

import java.util.function.Consumer;
import dev.livelens.web.Problem;

import dev.livelens.web.User;
import dev.livelens.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One socket inside one room: it hears the room's state, chat and voice on the room's bus addresses only
 * while it is a member (the consumers exist from the accepted join until the leave), relays the others'
 * video to its viewer and speaks only as its own user.
 */
final class RoomMembership {

  private static final long OWNER_TIMEOUT_MS = 3_000;

  private final Vertx vertx;
  private final RoomServices services;
  private final User user;
  private final String connection;
  private final RoomChannel channel;
  private final VideoRelay video;
  private final RoomCaptions captions;
  /** Told why the membership ended: null (a call ended), {@link Room#CLOSED} or {@link Room#REMOVED}. */
  private final Consumer<String> onEnded;
  private List<MessageConsumer<?>> consumers = List.of();
  private Room room;

  private RoomMembership(RoomServices services, User user, String connection, RoomChannel channel, Room room,
      Consumer<String> onEnded) {
    this.vertx = services.vertx();
    this.connection = connection;
    this.services = services;
    this.user = user;
    this.channel = channel;
    this.room = room;
    this.onEnded = onEnded;
    this.video = new VideoRelay(vertx, user.id(), channel);
    this.captions = new RoomCaptions(vertx, user.id(), channel);
  }

  /** Joins (refused when full or not invited), then starts hearing the room; completes once it hears it. */
  static Future<RoomMembership> join(RoomServices services, User user, String connection, RoomChannel channel,
      String roomId, Consumer<String> onEnded) {
    return services.rooms().join(roomId, user, connection).compose(joined -> {
      RoomMembership membership = new RoomMembership(services, user, connection, channel, joined, onEnded);
      return membership.listen().map(membership);
    });
  }

  Room room() {
    return room;
  }

  private Future<Void> listen() {
    var events = vertx.eventBus().<JsonObject>consumer(Addresses.room(room.id()), m -> changed(m.body()));
    var chat = vertx.eventBus().<JsonObject>consumer(Addresses.roomChat(room.id()),
        m -> channel.text(m.body().encode()));
    var audio = vertx.eventBus().<Buffer>consumer(Addresses.roomAudio(room.id()), m -> heard(m.body()));
    var captioned = vertx.eventBus().<JsonObject>consumer(Addresses.roomCaptions(room.id()),
        m -> captions.show(m.body()));
    consumers = List.of(events, chat, audio, captioned);
    // A change made while the consumers were being registered is read again once they are.
    return Future.all(events.completion(), chat.completion(), audio.completion(), captioned.completion())
        .compose(ready -> services.rooms().find(room.id())).onSuccess(this::follow).mapEmpty();
  }

  private void changed(JsonObject state) {
    if (state.getBoolean("ended", false)) {
      stopListening();
      String reason = state.getString("reason");
      channel.text(new JsonObject().put("type", "ended").put("room", room.id()).put("reason", reason).encode());
      onEnded.accept(reason);
      return;
    }
    Room now = Room.fromJson(state);
    if (now.member(user.id()).isEmpty() && now.removed().contains(user.id())) {
      stopListening();
      channel.text(new JsonObject().put("type", "removed").put("room", room.id()).encode());
      onEnded.accept(Room.REMOVED);
      return;
    }
    follow(now);
  }

  private void follow(Room now) {
    room = now;
    video.follow(now);
    channel.text(new JsonObject().put("type", "room").put("room", now.forPage()).encode());
  }

  private void heard(Buffer chunk) {
    long from = chunk.getLong(0);
    if (from != user.id()) {
      channel.audio(from, chunk.slice(8, chunk.length()));
    }
  }

  /** The member's voice, to the others: tagged with their own user id, whatever the client claims. */
  void speak(Buffer chunk) {
    vertx.eventBus().publish(Addresses.roomAudio(room.id()),
        Buffer.buffer(8 + chunk.length()).appendLong(user.id()).appendBuffer(chunk));
  }

  /** The member's own live caption, to everyone in the room (not while muted: the others do not hear them). */
  Future<Void> caption(Object text, Object isFinal) {
    boolean muted = room.member(user.id()).map(Room.Member::muted).orElse(true);
    return muted ? Future.succeededFuture() : captions.say(room.id(), text, isFinal);
  }

  /** Shows the member's processed stream in the room, once the stream's session confirms it is theirs. */
  Future<Room> camera(String streamId) {
    if (streamId == null) {
      return services.rooms().update(room.id(), user.id(), m -> withStream(m, null));
    }
    return vertx.eventBus().request(Addresses.streamOwner(streamId), "",
        new DeliveryOptions().setSendTimeout(OWNER_TIMEOUT_MS)).recover(noAnswer -> Future.succeededFuture(null))
        .compose(reply -> {
          if (reply == null || !Long.valueOf(user.id()).equals(reply.body())) {
            return Future.failedFuture(Problem.badRequest("not_your_stream", "that stream is not one you opened "
                + "while signed in; open /ws/stream with your session cookie and send its id"));
          }
          return services.rooms().update(room.id(), user.id(), m -> withStream(m, streamId));
        });
  }

  Future<Room> mute(boolean muted) {
    return services.rooms().update(room.id(), user.id(),
        m -> new Room.Member(m.id(), m.name(), m.connections(), m.stream(), muted));
  }

  /** Stops hearing the room, then leaves it; a call ends for both people. */
  Future<Void> leave() {
    stopListening();
    if (room.call()) {
      return services.rooms().end(room.id());
    }
    return services.rooms().leave(room.id(), connection).mapEmpty();
  }

  private void stopListening() {
    consumers.forEach(MessageConsumer::unregister);
    consumers = List.of();
    video.close();
  }

  private static Room.Member withStream(Room.Member m, String stream) {
    return new Room.Member(m.id(), m.name(), m.connections(), stream, m.muted());
  }
}
