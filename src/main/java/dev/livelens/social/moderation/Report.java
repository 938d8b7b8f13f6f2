package dev.livelens.social.moderation;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * One report as the moderation queue shows it: what was reported (a video, or a comment on it), why, by whom,
 * and what became of it.
 *
 * @param commentId null when the video itself is reported
 * @param state {@code open}, {@code hidden}, {@code dismissed} or {@code restored}
 */
record Report(String id, String videoId, String commentId, String reason, long createdAt, String state,
    long reporterId, String reporterName, String videoTitle, String visibility, Long videoOwner, boolean videoHidden,
    String commentText, Long commentAuthor, String commentAuthorName, boolean commentHidden) {

  static final String SELECT = "SELECT r.id, r.video_id, r.comment_id, r.reason, r.created_at, r.state, r.reporter_id, "
      + "(SELECT username FROM users WHERE users.id = r.reporter_id) AS reporter_name, v.title, v.visibility, "
      + "v.owner_id, v.hidden_from, c.body, c.author_id, c.hidden_at, "
      + "(SELECT username FROM users WHERE users.id = c.author_id) AS author_name "
      + "FROM reports r JOIN videos v ON v.id = r.video_id LEFT JOIN comments c ON c.id = r.comment_id";

  static Report fromRow(Row row) {
    return new Report(row.getString("id"), row.getString("video_id"), row.getString("comment_id"),
        row.getString("reason"), row.getLong("created_at"), row.getString("state"), row.getLong("reporter_id"),
        row.getString("reporter_name"), row.getString("title"), row.getString("visibility"), row.getLong("owner_id"),
        row.getString("hidden_from") != null, row.getString("body"), row.getLong("author_id"),
        row.getString("author_name"), row.getLong("hidden_at") != null);
  }

  String kind() {
    return commentId == null ? "video" : "comment";
  }

  /** What was reported: the comment's id, or the video's. */
  String targetId() {
    return commentId == null ? videoId : commentId;
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id).put("kind", kind()).put("reason", reason)
        .put("created", createdAt).put("state", state)
        .put("reporter", new JsonObject().put("id", reporterId).put("name", name(reporterName)))
        .put("video", new JsonObject().put("id", videoId).put("title", videoTitle).put("visibility", visibility)
            .put("owner", videoOwner).put("hidden", videoHidden));
    if (commentId != null) {
      json.put("comment", new JsonObject().put("id", commentId).put("text", commentText)
          .put("author", new JsonObject().put("id", commentAuthor).put("name", name(commentAuthorName)))
          .put("hidden", commentHidden));
    }
    return json;
  }

  private static String name(String username) {
    return username == null ? null : username.startsWith("~") ? "a guest" : username;
  }
}
