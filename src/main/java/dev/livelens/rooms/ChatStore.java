package dev.livelens.rooms;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The chat_messages table (migration V22), through the database pool (its JDBC work never runs on an event loop). */
final class ChatStore {

  private final Pool pool;

  ChatStore(Pool pool) {
    this.pool = pool;
  }

  Future<Void> add(ChatMessage message) {
    return pool.preparedQuery("INSERT INTO chat_messages (id, conversation, sender_id, sender_name, body, sent_at) "
        + "VALUES (?, ?, ?, ?, ?, ?)").execute(Tuple.of(message.id(), message.conversation(), message.fromId(),
            message.fromName(), message.text(), message.at())).mapEmpty();
  }

  /** The newest {@code limit} messages of a conversation, oldest first. */
  Future<List<ChatMessage>> recent(String conversation, int limit) {
    return pool.preparedQuery("SELECT id, conversation, sender_id, sender_name, body, sent_at FROM chat_messages "
        + "WHERE conversation = ? ORDER BY sent_at DESC, id DESC LIMIT ?").execute(Tuple.of(conversation, limit))
        .map(rows -> {
          List<ChatMessage> messages = new ArrayList<>();
          for (Row row : rows) {
            messages.add(new ChatMessage(row.getString("id"), row.getString("conversation"),
                row.getLong("sender_id"), row.getString("sender_name"), row.getString("body"),
                row.getLong("sent_at")));
          }
          Collections.reverse(messages);
          return messages;
        });
  }
}
