package dev.livelens.rooms;

import dev.livelens.web.RandomIds;

import dev.livelens.web.Problem;

import dev.livelens.web.User;
import dev.livelens.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Room and one-to-one chat: checks a message (length, the sender's budget), stores it, then publishes it on
 * the bus (a room's on {@link Addresses#roomChat}, a direct one to both people's {@link Addresses#user}, so
 * the sender's other tabs see it too). Stored first, so whoever saw a message finds it again in the history
 * after a reload; a message that cannot be stored is seen by nobody and the sender gets {@code not_stored}
 * (they can send it again), rather than a message that some saw and that is then gone. The price: delivery
 * waits for the insert, and the sender's socket handles its next message after it (which keeps their
 * messages in order).
 * The text is kept exactly as typed; pages show it as text.
 */
final class Chat {

  private static final Logger LOG = LoggerFactory.getLogger(Chat.class);
  static final int MAX_CHARS = 1000;
  static final int HISTORY = 50;

  private final Vertx vertx;
  private final ChatStore store;
  private final ChatBudgets budgets = new ChatBudgets();

  Chat(Vertx vertx, ChatStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  Future<ChatMessage> toRoom(User from, String roomId, Object text) {
    return send(from, ChatMessage.ofRoom(roomId), text,
        message -> vertx.eventBus().publish(Addresses.roomChat(roomId), message.toJson()));
  }

  Future<ChatMessage> toUser(User from, long to, Object text) {
    return send(from, ChatMessage.between(from.id(), to), text, message -> {
      vertx.eventBus().publish(Addresses.user(to), message.toJson());
      if (to != from.id()) {
        vertx.eventBus().publish(Addresses.user(from.id()), message.toJson());
      }
    });
  }

  Future<List<ChatMessage>> history(String conversation) {
    return store.recent(conversation, HISTORY);
  }

  private Future<ChatMessage> send(User from, String conversation, Object text, Consumer<ChatMessage> publish) {
    if (!(text instanceof String body) || body.isBlank()) {
      return Future.failedFuture(Problem.badRequest("bad_message", "a chat message needs some text"));
    }
    if (body.length() > MAX_CHARS) {
      return Future.failedFuture(Problem.badRequest("too_long", "a chat message may have at most " + MAX_CHARS
          + " characters; this one has " + body.length()));
    }
    if (!budgets.tryTake(from.id(), System.nanoTime())) {
      return Future.failedFuture(Problem.badRequest("rate_limited", "too many messages at once; wait a moment"));
    }
    long now = System.currentTimeMillis();
    ChatMessage message = new ChatMessage(String.format("%013d", now) + RandomIds.LONG.next().substring(0, 8),
        conversation, from.id(), from.username(), body, now);
    return store.add(message).recover(failure -> {
      LOG.warn("chat message {} of user {} not stored: {}", message.id(), from.id(), failure.toString());
      return Future.failedFuture(Problem.badRequest("not_stored", "your message could not be stored, so nobody got "
          + "it; send it again"));
    }).map(stored -> {
      publish.accept(message);
      return message;
    });
  }
}
