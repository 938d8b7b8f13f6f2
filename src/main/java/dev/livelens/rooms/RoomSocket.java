package dev.livelens.rooms;

import dev.livelens.web.CloseCodes;
import dev.livelens.web.RandomIds;

import dev.livelens.web.Problem;
import dev.livelens.web.SocketMessages;

import dev.livelens.web.User;
import dev.livelens.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One signed-in person's socket on {@code /ws/rooms}: presence while it is open, their direct messages and
 * calls (on {@link Addresses#user}), and at most one room at a time. Every message it sends into a room or
 * a conversation carries the socket's own user, never one the client names. Refusals are errors on the
 * socket; the socket stays usable. Runs on one event loop.
 */
final class RoomSocket {

  private static final Logger LOG = LoggerFactory.getLogger(RoomSocket.class);
  static final int MAX_AUDIO_BYTES = 16 * 1024;
  /** Text messages (chat of 1000 characters, call signals) fit well in this; an audio chunk is one more byte. */
  static final int MAX_MESSAGE_BYTES = 16 * 1024 + 1;
  private static final int MAX_NAME_CHARS = 60;

  private final String connection = RandomIds.LONG.next();
  private final RoomServices services;
  private final ServerWebSocket socket;
  private final User user;
  private final RoomChannel channel;
  private final CallSignals calls;
  private final Runnable onClosed;
  private MessageConsumer<JsonObject> personal;
  private Runnable unwatch = () -> { };
  private long renewTimer;
  private RoomMembership membership;
  private Future<?> tail = Future.succeededFuture();
  private boolean closed;

  /** @param onClosed run once when the socket has closed */
  RoomSocket(RoomServices services, ServerWebSocket socket, User user, Runnable onClosed) {
    this.services = services;
    this.onClosed = onClosed;
    this.socket = socket;
    this.user = user;
    this.channel = new RoomChannel(socket);
    this.calls = new CallSignals(services, user);
  }

  void start(SocketMessages messages) {
    personal = services.vertx().eventBus().consumer(Addresses.user(user.id()), m -> channel.text(m.body().encode()));
    messages.text(text -> tail = tail.eventually(() -> handle(text))).binary(this::binary)
        .refused(why -> refuse(why == SocketMessages.Refusal.TOO_LARGE
            ? new Problem(413, "too_large", "messages are at most 16 KB; send less at once")
            : new Problem(503, "busy", "the server is busy; send that again")))
        .onClose(this::closed);
    channel.text(new JsonObject().put("type", "welcome")
        .put("user", new JsonObject().put("id", user.id()).put("name", user.username()))
        .put("maxRoomSize", services.limits().maxRoomSize()).put("maxChatChars", Chat.MAX_CHARS).encode());
    LOG.info("rooms: user {} connected ({}) from {}", user.id(), connection, socket.remoteAddress());
    // Messages wait for the first entry: a connection is in Presence before it is in any room (RoomSweeper).
    tail = services.presence().announce(connection, user, null, true);
    renewTimer = services.vertx().setPeriodic(Presence.RENEW_EVERY_MS,
        t -> services.presence().announce(connection, user, room(), false));
    unwatch = services.board().watch(view -> channel.replaceable(view.encode()));
  }

  private Future<?> handle(String text) {
    JsonObject message;
    try {
      message = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      return refuse(Problem.badRequest("bad_message", "messages are JSON objects with a type"));
    }
    Future<?> done = switch (String.valueOf(message.getValue("type"))) {
      case "create" -> create(message.getValue("name"));
      case "join" -> join(message.getValue("room"));
      case "leave" -> leave().onSuccess(v -> channel.text(reply("left").encode()));
      case "camera" -> inRoom().compose(m -> m.camera(message.getValue("stream") instanceof String s ? s : null));
      case "mute" -> inRoom().compose(m -> m.mute(Boolean.TRUE.equals(message.getValue("muted"))));
      case "caption" -> inRoom().compose(m -> m.caption(message.getValue("text"), message.getValue("final")));
      case "say" -> inRoom().compose(m -> services.chat().toRoom(user, m.room().id(), message.getValue("text")));
      case "dm" -> person(message.getValue("to")).compose(to -> services.chat().toUser(user, to,
          message.getValue("text")));
      case "history" -> history(message);
      case "call" -> person(message.getValue("to")).compose(to -> calls.call(to))
          .onSuccess(room -> channel.text(reply("calling").put("room", room.id())
              .put("to", message.getValue("to")).encode()));
      case "decline" -> calls.decline(message.getValue("room"));
      default -> Future.failedFuture(Problem.badRequest("bad_message", "unknown type; see docs/rooms.md"));
    };
    return done.otherwise(failure -> {
      refuse(failure);
      return null;
    });
  }

  private Future<Room> create(Object name) {
    if (!(name instanceof String s) || s.isBlank() || s.length() > MAX_NAME_CHARS) {
      return Future.failedFuture(Problem.badRequest("bad_message", "a room needs a name of 1 to " + MAX_NAME_CHARS
          + " characters"));
    }
    return services.rooms().create(user, s.strip(), false, java.util.List.of())
        .onSuccess(room -> channel.text(reply("created").put("room", room.forPage()).encode()));
  }

  private Future<?> join(Object roomId) {
    if (!RandomIds.LONG.isValid(roomId)) {
      return Future.failedFuture(Problem.badRequest("unknown_room", "there is no room " + roomId));
    }
    return leave().compose(v -> RoomMembership.join(services, user, connection, channel, (String) roomId,
        this::ended))
        .onSuccess(joined -> {
          membership = joined;
          channel.text(reply("joined").put("room", joined.room().forPage()).encode());
          announce(joined.room());
        });
  }

  private Future<Void> leave() {
    if (membership == null) {
      return Future.succeededFuture();
    }
    RoomMembership leaving = membership;
    membership = null;
    announce(null);
    return leaving.leave();
  }

  /**
   * The room ended for this socket: a call's end leaves the socket open; a room its owner closed, or a
   * removal from it, closes the socket with a code and reason that say so (the page stops reconnecting).
   */
  private void ended(String reason) {
    membership = null;
    announce(null);
    if (Room.CLOSED.equals(reason)) {
      socket.close(CloseCodes.ROOM_CLOSED, "the room was closed by its owner");
    } else if (Room.REMOVED.equals(reason)) {
      socket.close(CloseCodes.REMOVED, "you were removed from the room");
    }
  }

  /** Where this connection is now; never after it closed (a message handled late must not bring it back). */
  private void announce(Room room) {
    if (!closed) {
      services.presence().announce(connection, user, room, true);
    }
  }

  private Future<?> history(JsonObject message) {
    Object with = message.getValue("with");
    String roomId = membership == null ? null : membership.room().id(); // it may leave before the answer
    Future<String> conversation = with != null ? person(with).map(other -> ChatMessage.between(user.id(), other))
        : inRoom().map(m -> ChatMessage.ofRoom(roomId));
    return conversation.compose(services.chat()::history).onSuccess(messages -> {
      JsonObject reply = reply("history").put("messages", new JsonArray(messages.stream().map(ChatMessage::toJson)
          .toList()));
      channel.text((with != null ? reply.put("with", with) : reply.put("room", roomId)).encode());
    });
  }

  private void binary(Buffer data) {
    if (data.length() < 2 || data.getByte(0) != RoomChannel.AUDIO || data.length() > MAX_AUDIO_BYTES) {
      refuse(Problem.badRequest("bad_message", "binary messages are audio: 0x01 then at most "
          + MAX_AUDIO_BYTES + " bytes"));
    } else if (membership == null) {
      refuse(Problem.badRequest("not_member", "join a room before speaking"));
    } else {
      membership.speak(data.slice(1, data.length()));
    }
  }

  private Future<RoomMembership> inRoom() {
    return membership != null ? Future.succeededFuture(membership)
        : Future.failedFuture(Problem.badRequest("not_member", "join a room first"));
  }

  /** A person named by their user id, who must have an account (nothing is sent or stored for nobody). */
  private Future<Long> person(Object id) {
    if (!(id instanceof Number n && n.longValue() > 0 && n.doubleValue() == n.longValue())) {
      return Future.failedFuture(Problem.badRequest("bad_message", "name a person by their user id"));
    }
    long userId = n.longValue();
    return services.people().exists(userId).compose(exists -> exists ? Future.succeededFuture(userId)
        : Future.failedFuture(Problem.badRequest("unknown_user", "there is nobody with the user id " + userId)));
  }

  private Room room() {
    return membership == null ? null : membership.room();
  }

  private Future<Void> refuse(Throwable failure) {
    if (failure instanceof Problem problem) {
      channel.text(reply("error").put("code", problem.code()).put("message", problem.getMessage()).encode());
    } else {
      LOG.warn("rooms: user {} connection {}: {}", user.id(), connection, failure.toString());
      channel.text(reply("error").put("code", "internal").put("message", "that did not work; try again").encode());
    }
    return Future.succeededFuture();
  }

  private static JsonObject reply(String type) {
    return new JsonObject().put("type", type);
  }

  private void closed() {
    closed = true;
    LOG.info("rooms: user {} disconnected ({}), video frames skipped {}, audio chunks dropped {}", user.id(),
        connection, channel.videoSkipped(), channel.audioDropped());
    channel.markClosed();
    personal.unregister();
    services.vertx().cancelTimer(renewTimer);
    unwatch.run();
    leave();
    services.presence().remove(connection);
    onClosed.run();
  }
}
