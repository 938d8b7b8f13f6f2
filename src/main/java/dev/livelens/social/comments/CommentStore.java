package dev.livelens.social.comments;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The comments table: every read and write of it, in portable SQL. */
final class CommentStore {

  /** Replies sent with one page of top comments, at most (the rest of a very long thread is not shown). */
  static final int MAX_REPLIES = 1000;

  /** One page: top comments newest first, then the replies to them oldest first. */
  record Page(List<Comment> top, List<Comment> replies) {
  }

  private final Pool pool;
  private final Pool reads;

  CommentStore(Pool pool, Pool reads) {
    this.pool = pool;
    this.reads = reads;
  }

  Future<Void> add(Comment c) {
    return pool.preparedQuery("INSERT INTO comments (id, video_id, author_id, reply_to, body, at_ms, created_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?)").execute(Tuple.of(c.id(), c.videoId(), c.authorId(), c.replyTo(), c.text())
        .addLong(c.atMs()).addLong(c.createdAt())).mapEmpty();
  }

  Future<Optional<Comment>> find(String id) {
    return pool.preparedQuery("SELECT " + Comment.COLUMNS + " FROM comments WHERE id = ?").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Comment.fromRow(rows.iterator().next())));
  }

  /**
   * A page of the video's top comments older than the cursor (null: the newest), with their replies.
   *
   * @param withHidden whether hidden comments are included (an admin's view)
   */
  Future<Page> page(String videoId, boolean withHidden, Cursor before, int limit) {
    String visible = withHidden ? "" : " AND hidden_at IS NULL";
    List<Object> params = new ArrayList<>(List.of(videoId));
    String older = "";
    if (before != null) {
      older = " AND (created_at < ? OR (created_at = ? AND id < ?))";
      params.addAll(List.of(before.createdAt(), before.createdAt(), before.id()));
    }
    params.add(limit);
    return reads.preparedQuery("SELECT " + Comment.COLUMNS + " FROM comments WHERE video_id = ? AND reply_to IS NULL"
        + visible + older + " ORDER BY created_at DESC, id DESC LIMIT ?").execute(Tuple.wrap(params))
        .compose(rows -> {
          List<Comment> top = toList(rows);
          if (top.isEmpty()) {
            return Future.succeededFuture(new Page(top, List.of()));
          }
          String marks = String.join(", ", Collections.nCopies(top.size(), "?"));
          List<Object> ids = new ArrayList<>(top.stream().map(Comment::id).toList());
          ids.add(MAX_REPLIES);
          return reads.preparedQuery("SELECT " + Comment.COLUMNS + " FROM comments WHERE reply_to IN (" + marks + ")"
              + visible + " ORDER BY created_at, id LIMIT ?").execute(Tuple.wrap(ids))
              .map(replies -> new Page(top, toList(replies)));
        });
  }

  /** @return whether the comment exists */
  Future<Boolean> edit(String id, String text, long now) {
    return pool.preparedQuery("UPDATE comments SET body = ?, edited_at = ? WHERE id = ?")
        .execute(Tuple.of(text, now, id)).map(rows -> rows.rowCount() == 1);
  }

  /** Deletes a comment and, for a top comment, its replies (and so their reports); whether it existed. */
  Future<Boolean> delete(String id) {
    return pool.preparedQuery("DELETE FROM comments WHERE id = ? OR reply_to = ?").execute(Tuple.of(id, id))
        .map(rows -> rows.rowCount() > 0);
  }

  /** Hides (a time) or shows again (null); whether the comment exists. */
  Future<Boolean> hide(String id, Long hiddenAt) {
    return pool.preparedQuery("UPDATE comments SET hidden_at = ? WHERE id = ?")
        .execute(Tuple.tuple().addLong(hiddenAt).addString(id)).map(rows -> rows.rowCount() == 1);
  }

  private static List<Comment> toList(RowSet<Row> rows) {
    List<Comment> list = new ArrayList<>(rows.size());
    rows.forEach(row -> list.add(Comment.fromRow(row)));
    return list;
  }

  /** Where a page ends: the last top comment's time and id ({@code <created>.<id>} in a URL). */
  record Cursor(long createdAt, String id) {

    static Cursor parse(String text) {
      if (text == null || text.isEmpty()) {
        return null;
      }
      int dot = text.indexOf('.');
      try {
        return new Cursor(Long.parseLong(text.substring(0, dot)), text.substring(dot + 1));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("before is the 'next' value of the page before");
      }
    }

    static String of(Comment last) {
      return last.createdAt() + "." + last.id();
    }
  }
}
