package dev.livelens.social;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a profile shows of a person: who they are by name, their public videos and the likes those got. */
final class Profiles {

  /** An account, as its profile names it. */
  record Person(long id, String name) {
  }

  private final Pool reads;

  Profiles(Pool reads) {
    this.reads = reads;
  }

  /** The account with this name (ignoring case); guests have no profile. */
  Future<Optional<Person>> byName(String name) {
    if (name == null || name.length() > 32) {
      return Future.succeededFuture(Optional.empty());
    }
    return reads.preparedQuery("SELECT id, username FROM users WHERE username_key = ? AND guest = 0")
        .execute(Tuple.of(name.toLowerCase(Locale.ROOT))).map(rows -> rows.size() == 0 ? Optional.empty()
            : Optional.of(new Person(rows.iterator().next().getLong("id"), rows.iterator().next().getString("username"))));
  }

  /** The ids of their public, ready videos, newest first. */
  Future<List<String>> publicVideos(long ownerId, int offset, int limit) {
    return reads.preparedQuery("SELECT id FROM videos WHERE owner_id = ? AND visibility = 'public' "
        + "AND status = 'ready' ORDER BY created_at DESC, id LIMIT ? OFFSET ?").execute(Tuple.of(ownerId, limit, offset))
        .map(rows -> {
          List<String> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getString("id")));
          return ids;
        });
  }

  /** How many public videos they have, and how many likes those have in all. */
  Future<long[]> counts(long ownerId) {
    return reads.preparedQuery("SELECT (SELECT COUNT(*) FROM videos WHERE owner_id = ? AND visibility = 'public' "
        + "AND status = 'ready') AS videos, (SELECT COUNT(*) FROM video_likes l JOIN videos v ON v.id = l.video_id "
        + "WHERE v.owner_id = ? AND v.visibility = 'public') AS likes").execute(Tuple.of(ownerId, ownerId))
        .map(rows -> {
          Row row = rows.iterator().next();
          return new long[] {row.getLong("videos"), row.getLong("likes")};
        });
  }
}
