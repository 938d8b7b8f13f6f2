package dev.livelens.web;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.function.Supplier;

/**
 * What a feature keeps of an owner that moves into an account when someone signs in from a guest
 * identity's browser and accepts to keep what the guest made ({@code POST /api/auth/guest/move}).
 */
public interface MovableThings {

  /** What the things are called in the offer and the answer ("videos", "jobs", "uploads"). */
  String kind();

  /** How many {@code ownerId} has here. */
  Future<Long> count(long ownerId);

  /** Gives everything {@code from} owns here to {@code to}, inside the move's one transaction {@code tx}. */
  Future<Void> move(SqlConnection tx, long from, long to);

  /**
   * The rows of {@code table} whose {@code owner_id} is the owner (a feature names its own table);
   * {@code counted} narrows what the offer counts (e.g. {@code " AND state = 'queued'"}), never what moves.
   */
  static MovableThings rows(String kind, Supplier<Pool> pool, String table, String counted) {
    return new MovableThings() {
      @Override
      public String kind() {
        return kind;
      }

      @Override
      public Future<Long> count(long ownerId) {
        return pool.get().preparedQuery("SELECT COUNT(*) AS n FROM " + table + " WHERE owner_id = ?" + counted)
            .execute(Tuple.of(ownerId)).map(rows -> rows.iterator().next().getLong("n"));
      }

      @Override
      public Future<Void> move(SqlConnection tx, long from, long to) {
        return tx.preparedQuery("UPDATE " + table + " SET owner_id = ? WHERE owner_id = ?")
            .execute(Tuple.of(to, from)).mapEmpty();
      }
    };
  }
}
