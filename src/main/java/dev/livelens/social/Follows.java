package dev.livelens.social;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.HashSet;
import java.util.Set;

/** The follows table: who follows whom; following twice or unfollowing a stranger changes nothing. */
final class Follows {

  /** How many follow a person and how many they follow. */
  record Counts(long followers, long following) {
  }

  private final Pool pool;
  private final Pool reads;

  Follows(Pool pool, Pool reads) {
    this.pool = pool;
    this.reads = reads;
  }

  Future<Void> follow(long follower, long followee) {
    return pool.preparedQuery("INSERT INTO follows (follower_id, followee_id, created_at) VALUES (?, ?, ?) "
        + "ON CONFLICT (follower_id, followee_id) DO NOTHING")
        .execute(Tuple.of(follower, followee, System.currentTimeMillis())).mapEmpty();
  }

  Future<Void> unfollow(long follower, long followee) {
    return pool.preparedQuery("DELETE FROM follows WHERE follower_id = ? AND followee_id = ?")
        .execute(Tuple.of(follower, followee)).mapEmpty();
  }

  /** Whom {@code userId} followed and who followed them (a guest that expired). */
  Future<Void> forget(long userId) {
    return pool.preparedQuery("DELETE FROM follows WHERE follower_id = ? OR followee_id = ?")
        .execute(Tuple.of(userId, userId)).mapEmpty();
  }

  Future<Boolean> follows(long follower, long followee) {
    return pool.preparedQuery("SELECT 1 FROM follows WHERE follower_id = ? AND followee_id = ?")
        .execute(Tuple.of(follower, followee)).map(rows -> rows.size() > 0);
  }

  Future<Counts> counts(long userId) {
    return pool.preparedQuery("SELECT (SELECT COUNT(*) FROM follows WHERE followee_id = ?) AS followers, "
        + "(SELECT COUNT(*) FROM follows WHERE follower_id = ?) AS following").execute(Tuple.of(userId, userId))
        .map(rows -> {
          Row row = rows.iterator().next();
          return new Counts(row.getLong("followers"), row.getLong("following"));
        });
  }

  /** The people {@code follower} follows (at most a few thousand: a person's own list). */
  Future<Set<Long>> followees(long follower) {
    return reads.preparedQuery("SELECT followee_id FROM follows WHERE follower_id = ? LIMIT 5000")
        .execute(Tuple.of(follower)).map(rows -> {
          Set<Long> ids = new HashSet<>();
          rows.forEach(row -> ids.add(row.getLong("followee_id")));
          return ids;
        });
  }
}
