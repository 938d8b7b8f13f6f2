package dev.livelens.library;

import dev.livelens.media.FailureReason;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The videos table: every read and write of it, in portable SQL. */
public final class Videos {

  /** What the media files say about a packaged video. */
  public record Facts(long durationMs, int width, int height, String codec, long sizeBytes, boolean poster,
      String originalMedia) {
  }

  /** One page of a listing, and how many match in all. */
  public record Page(List<Video> videos, long total) {
  }

  private final Pool pool;

  public Videos(Pool pool) {
    this.pool = pool;
  }

  /** A new video, processing until its files are ready, its lease held by the node that makes it. */
  public Future<Video> create(String id, String title, String source, String parentId, Long ownerId,
      String leaseOwner, long leaseUntil) {
    long now = System.currentTimeMillis();
    // A video without an owner (made by the server itself) is managed by admins and watchable by its link.
    String visibility = ownerId == null ? Video.UNLISTED : Video.PRIVATE;
    return pool.preparedQuery("INSERT INTO videos (id, title, source, parent_id, created_at, status, poster, "
            + "lease_owner, lease_until, owner_id, visibility) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)")
        .execute(Tuple.of(id, title, source, parentId, now, Video.PROCESSING).addString(leaseOwner)
            .addLong(leaseUntil).addLong(ownerId).addString(visibility))
        .map(done -> new Video(id, title, source, parentId, now, null, null, null, null, null, Video.PROCESSING,
            null, false, null, null, ownerId, visibility, null));
  }

  /** @return whether the video exists */
  public Future<Boolean> changeVisibility(String id, String visibility) {
    return changeVisibility(id, visibility, true);
  }

  /**
   * @param evenHidden whether a video a moderator hid changes too (an admin's change, which ends the hiding)
   * @return whether the video changed: false when it does not exist, or is hidden and {@code evenHidden} is not set
   */
  public Future<Boolean> changeVisibility(String id, String visibility, boolean evenHidden) {
    return pool.preparedQuery("UPDATE videos SET visibility = ?, hidden_from = NULL WHERE id = ?"
            + (evenHidden ? "" : " AND hidden_from IS NULL")).execute(Tuple.of(visibility, id))
        .map(rows -> rows.rowCount() == 1);
  }

  /**
   * Hides a video (a moderator's decision): private until {@link #unhide}, keeping the visibility it had; its
   * owner cannot change that. False when it does not exist or is hidden already.
   */
  public Future<Boolean> hide(String id) {
    return pool.preparedQuery("UPDATE videos SET hidden_from = visibility, visibility = ? WHERE id = ? "
        + "AND hidden_from IS NULL").execute(Tuple.of(Video.PRIVATE, id)).map(rows -> rows.rowCount() == 1);
  }

  /** Gives a hidden video back the visibility it had; false when it is not hidden. */
  public Future<Boolean> unhide(String id) {
    return pool.preparedQuery("UPDATE videos SET visibility = hidden_from, hidden_from = NULL WHERE id = ? "
        + "AND hidden_from IS NOT NULL").execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
  }

  /** The ids of every video {@code ownerId} owns (a guest's, to delete when it expires). */
  public Future<List<String>> idsOwnedBy(long ownerId) {
    return pool.preparedQuery("SELECT id FROM videos WHERE owner_id = ?").execute(Tuple.of(ownerId)).map(rows -> {
      List<String> ids = new ArrayList<>();
      rows.forEach(row -> ids.add(row.getString("id")));
      return ids;
    });
  }

  /** How many videos {@code ownerId} owns and the bytes their packaged media take. */
  public Future<long[]> usage(long ownerId) {
    return pool.preparedQuery("SELECT COUNT(*) AS n, SUM(size_bytes) AS bytes FROM videos WHERE owner_id = ?")
        .execute(Tuple.of(ownerId)).map(rows -> {
          Row row = rows.iterator().next();
          Long bytes = row.getLong("bytes");
          return new long[] {row.getLong("n"), bytes == null ? 0 : bytes};
        });
  }

  public Future<Optional<Video>> find(String id) {
    return pool.preparedQuery("SELECT " + Video.COLUMNS + " FROM videos WHERE id = ?").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Video.fromRow(rows.iterator().next())));
  }

  /** The videos with these ids that exist, in no particular order (a page of a feed, a reply list). */
  public Future<List<Video>> findAll(List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
    return pool.preparedQuery("SELECT " + Video.COLUMNS + " FROM videos WHERE id IN (" + marks + ")")
        .execute(Tuple.wrap(new ArrayList<Object>(ids))).map(Videos::toList);
  }

  /** Who a listing is for: whose videos it holds besides the public ones. */
  public record Scope(Long ownerId, boolean mineOnly, boolean all) {

    /** Everything (an admin's view). */
    public static final Scope ALL = new Scope(null, false, true);

    /** The public videos (a visitor's view). */
    public static final Scope PUBLIC = new Scope(null, false, false);

    String condition(List<Object> params) {
      if (all) {
        return "1 = 1";
      }
      if (ownerId == null) {
        return mineOnly ? "1 = 0" : "visibility = 'public'";
      }
      params.add(ownerId);
      return mineOnly ? "owner_id = ?" : "(owner_id = ? OR visibility = 'public')";
    }
  }

  /**
   * Where a keyset page starts: after the video made at {@code createdAt} with {@code id} (the last one the
   * page before showed), in the listing's order (newest first, then id descending).
   */
  public record After(long createdAt, String id) {
  }

  /** Newest first; {@code query} matches anywhere in the title, ignoring case (null for all). */
  public Future<Page> list(String query, int offset, int limit) {
    return list(Scope.ALL, query, null, offset, limit);
  }

  /**
   * The same, of the videos {@code scope} holds, from {@code after} (null: from the newest) then skipping
   * {@code offset}. The order is the indexes' own (V30), so a page is read from an index without a sort.
   */
  public Future<Page> list(Scope scope, String query, After after, int offset, int limit) {
    List<Object> params = new ArrayList<>();
    String where = " WHERE " + scope.condition(params);
    if (query != null) {
      where += " AND LOWER(title) LIKE ? ESCAPE '\\'";
      params.add("%" + escapeLike(query.toLowerCase()) + "%");
    }
    Future<Long> total = pool.preparedQuery("SELECT COUNT(*) AS n FROM videos" + where)
        .execute(Tuple.wrap(new ArrayList<>(params))).map(rows -> rows.iterator().next().getLong("n"));
    if (after != null) {
      where += " AND (created_at < ? OR (created_at = ? AND id < ?))";
      params.addAll(List.of(after.createdAt(), after.createdAt(), after.id()));
    }
    params.add(limit);
    params.add(offset);
    Future<List<Video>> videos = pool.preparedQuery("SELECT " + Video.COLUMNS + " FROM videos" + where
        + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?").execute(Tuple.wrap(params)).map(Videos::toList);
    return Future.all(total, videos).map(done -> new Page(videos.result(), total.result()));
  }

  /** Videos still processing whose lease {@code claim} allows taking: the ones whose work was interrupted. */
  public Future<List<Video>> processing(VideoLeases.Claim claim) {
    // A job's video is the job's to recover (see jobs.JobQueue), not packaged again from an original.
    return pool.preparedQuery("SELECT " + Video.COLUMNS + " FROM videos WHERE status = ? "
            + "AND id NOT IN (SELECT video_id FROM jobs) AND " + claim.condition())
        .execute(claim.after(Tuple.of(Video.PROCESSING))).map(Videos::toList);
  }

  /** The videos made from {@code parentId} (its cuts, its processed versions), newest first. */
  public Future<List<Video>> children(String parentId) {
    return pool.preparedQuery("SELECT " + Video.COLUMNS + " FROM videos WHERE parent_id = ? "
        + "ORDER BY created_at DESC, id LIMIT 200").execute(Tuple.of(parentId)).map(Videos::toList);
  }

  /** Back to processing, its reason gone: a job that runs again after a restart. */
  public Future<Void> processingAgain(String id) {
    return pool.preparedQuery("UPDATE videos SET status = ?, reason = NULL WHERE id = ?")
        .execute(Tuple.of(Video.PROCESSING, id)).mapEmpty();
  }

  /** @return whether the video exists */
  public Future<Boolean> rename(String id, String title) {
    return pool.preparedQuery("UPDATE videos SET title = ? WHERE id = ?").execute(Tuple.of(title, id))
        .map(rows -> rows.rowCount() == 1);
  }

  public Future<Void> ready(String id, Facts facts, String reason) {
    return pool.preparedQuery("UPDATE videos SET status = ?, duration_ms = ?, width = ?, height = ?, codec = ?, "
            + "size_bytes = ?, poster = ?, reason = ?, original_media = ? WHERE id = ?")
        .execute(Tuple.from(List.of(Video.READY, facts.durationMs(), facts.width(), facts.height(), facts.codec(),
            facts.sizeBytes(), facts.poster() ? 1 : 0)).addValue(reason).addValue(facts.originalMedia()).addString(id))
        .mapEmpty();
  }

  /** The name of the file a video was made from (an upload's), kept apart from its title, which may change. */
  public Future<Void> originalName(String id, String name) {
    return pool.preparedQuery("UPDATE videos SET original_name = ? WHERE id = ?").execute(Tuple.of(name, id))
        .mapEmpty();
  }

  public Future<Void> failed(String id, String reason) {
    String shown = FailureReason.safe(reason); // a last guard: callers translate with FailureReason.of
    String shortReason = shown.length() > 1000 ? shown.substring(0, 1000) : shown;
    return pool.preparedQuery("UPDATE videos SET status = ?, reason = ? WHERE id = ?")
        .execute(Tuple.of(Video.FAILED, shortReason, id)).mapEmpty();
  }

  /** @return whether the video existed */
  public Future<Boolean> delete(String id) {
    return pool.preparedQuery("DELETE FROM videos WHERE id = ?").execute(Tuple.of(id))
        .map(rows -> rows.rowCount() == 1);
  }

  private static List<Video> toList(RowSet<Row> rows) {
    List<Video> videos = new ArrayList<>(rows.size());
    rows.forEach(row -> videos.add(Video.fromRow(row)));
    return videos;
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
