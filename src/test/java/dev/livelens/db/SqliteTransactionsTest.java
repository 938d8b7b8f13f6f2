package dev.livelens.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.livelens.config.DatabaseConfig;
import dev.livelens.testing.TempDirs;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * On SQLite a statement run after a transaction is committed at once: the read connections see it (before
 * the fix in {@link AutoCommitAfterTransactions} it waited, uncommitted, for the next transaction).
 */
class SqliteTransactionsTest {

  @Test
  void aWriteAfterATransactionIsCommittedAtOnce() {
    Vertx vertx = Vertx.vertx();
    Path dir = TempDirs.create("livelens-sqlite-tx-");
    try {
      Database db = Database.open(vertx, dir, new DatabaseConfig(Optional.empty(), 1)).await();
      String insert = "INSERT INTO chat_messages (id, conversation, sender_id, sender_name, body, sent_at) "
          + "VALUES (?, 'room:x', 1, 'n', 'b', 1)";
      db.pool().withTransaction(tx -> tx.preparedQuery(insert).execute(Tuple.of("in-a-transaction"))).await();
      db.pool().preparedQuery(insert).execute(Tuple.of("after-it")).await();
      assertEquals(2, db.reads().query("SELECT COUNT(*) AS n FROM chat_messages").execute().await()
          .iterator().next().getLong("n"), "the readers see both rows");
      db.pool().withTransaction(tx -> tx.preparedQuery(insert).execute(Tuple.of("in-a-transaction")))
          .recover(duplicate -> db.pool().preparedQuery(insert).execute(Tuple.of("after-a-rollback"))).await();
      assertEquals(3, db.reads().query("SELECT COUNT(*) AS n FROM chat_messages").execute().await()
          .iterator().next().getLong("n"), "and a row written after a rollback");
      db.close().await();
    } finally {
      vertx.close().await();
      TempDirs.delete(dir);
    }
  }
}
