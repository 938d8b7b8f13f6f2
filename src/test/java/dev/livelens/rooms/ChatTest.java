package dev.livelens.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.web.Problem;
import dev.livelens.web.User;
import dev.livelens.bus.Addresses;
import dev.livelens.config.DatabaseConfig;
import dev.livelens.db.Database;
import dev.livelens.testing.TempDirs;
import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A chat message is stored before anyone gets it: what was seen is in the history, what was not stored nobody saw. */
class ChatTest {

  private static final String ROOM = "r1";
  private final User ann = new User(1, "ann");
  private Vertx vertx;
  private Path dataDir;
  private Database database;
  private Chat chat;
  /** What a member of the room receives: each message with the room's history as it was at that moment. */
  private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    dataDir = TempDirs.create("livelens-chat-");
    database = Database.open(vertx, dataDir, new DatabaseConfig(Optional.empty(), 2)).await();
    chat = new Chat(vertx, new ChatStore(database.pool()));
    vertx.eventBus().<JsonObject>consumer(Addresses.roomChat(ROOM), m -> chat.history(ChatMessage.ofRoom(ROOM))
        .onComplete(history -> received.add(m.body().copy().put("historyThen", texts(history)))))
        .completion().await();
  }

  private static List<String> texts(AsyncResult<List<ChatMessage>> history) {
    return history.succeeded() ? history.result().stream().map(ChatMessage::text).toList()
        : List.of("(no history: " + history.cause() + ")");
  }

  @AfterEach
  void stop() {
    database.close().await();
    vertx.close().await();
    TempDirs.delete(dataDir);
  }

  @Test
  void aMessageIsInTheHistoryByTheTimeTheRoomGetsIt() throws Exception {
    chat.toRoom(ann, ROOM, "first").await();
    chat.toRoom(ann, ROOM, "second").await();
    JsonObject first = received.poll(10, TimeUnit.SECONDS);
    JsonObject second = received.poll(10, TimeUnit.SECONDS);
    // The room's read of the history races the next message's store: what it must hold is what was received.
    assertTrue(first.getJsonArray("historyThen").getList().contains("first"), first.encode());
    assertEquals(List.of("first", "second"), second.getJsonArray("historyThen").getList(), second.encode());
  }

  @Test
  void aMessageThatCannotBeStoredReachesNobodyAndTheSenderIsTold() throws Exception {
    database.pool().query("DROP TABLE chat_messages").execute().await();
    CompletionException refused = null;
    try {
      chat.toRoom(ann, ROOM, "lost").toCompletionStage().toCompletableFuture().join();
    } catch (CompletionException e) {
      refused = e;
    }
    assertEquals("not_stored", refused == null ? "delivered" : ((Problem) refused.getCause()).code());
    // Had it been published, it would have come before this, which is published after the refusal.
    vertx.eventBus().publish(Addresses.roomChat(ROOM), new JsonObject().put("type", "marker"));
    assertEquals("marker", received.poll(10, TimeUnit.SECONDS).getString("type"));
  }
}
