package dev.livelens.social.moderation;

import dev.livelens.web.RandomIds;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The reports table: one report per person and thing, and what the moderators made of it. */
final class Reports {

  static final String OPEN = "open";
  static final String HIDDEN = "hidden";
  static final String DISMISSED = "dismissed";
  static final String RESTORED = "restored";
  static final int QUEUE = 200;

  /** A report and whether this call made it (false: the person had reported the thing before). */
  record Made(String id, boolean isNew) {
  }

  private final Pool pool;

  Reports(Pool pool) {
    this.pool = pool;
  }

  /** Files {@code reporterId}'s report of a video (commentId null) or of a comment on it, once. */
  Future<Made> add(String videoId, String commentId, long reporterId, String reason) {
    String target = commentId == null ? videoId : commentId;
    return existing(reporterId, target).compose(found -> {
      if (found.isPresent()) {
        return Future.succeededFuture(new Made(found.get(), false));
      }
      String id = RandomIds.LONG.next();
      return pool.preparedQuery("INSERT INTO reports (id, video_id, comment_id, target_id, reporter_id, reason, "
              + "created_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
          .execute(Tuple.of(id, videoId, commentId, target, reporterId, reason, System.currentTimeMillis(), OPEN))
          .map(done -> new Made(id, true))
          // Two at once from one person: the unique index keeps one; the other finds it.
          .recover(clash -> existing(reporterId, target).map(again -> new Made(again.orElseThrow(() ->
              new IllegalStateException(clash)), false)));
    });
  }

  private Future<Optional<String>> existing(long reporterId, String target) {
    return pool.preparedQuery("SELECT id FROM reports WHERE reporter_id = ? AND target_id = ?")
        .execute(Tuple.of(reporterId, target))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString("id")));
  }

  Future<Optional<Report>> find(String id) {
    return pool.preparedQuery(Report.SELECT + " WHERE r.id = ?").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Report.fromRow(rows.iterator().next())));
  }

  /** The newest reports in {@code state}, at most {@link #QUEUE}. */
  Future<List<Report>> inState(String state) {
    return pool.preparedQuery(Report.SELECT + " WHERE r.state = ? ORDER BY r.created_at DESC, r.id LIMIT ?")
        .execute(Tuple.of(state, QUEUE)).map(Reports::toList);
  }

  /** Every report of the thing in state {@code from} becomes {@code to}, decided by {@code adminId} now. */
  Future<Void> resolve(String targetId, String from, String to, long adminId) {
    return pool.preparedQuery("UPDATE reports SET state = ?, resolved_by = ?, resolved_at = ? "
        + "WHERE target_id = ? AND state = ?")
        .execute(Tuple.of(to, adminId, System.currentTimeMillis(), targetId, from)).mapEmpty();
  }

  private static List<Report> toList(RowSet<Row> rows) {
    List<Report> list = new ArrayList<>(rows.size());
    rows.forEach(row -> list.add(Report.fromRow(row)));
    return list;
  }
}
