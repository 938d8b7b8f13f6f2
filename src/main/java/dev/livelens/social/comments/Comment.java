package dev.livelens.social.comments;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * One comment as its row says: plain text exactly as typed, shown as text by the pages.
 *
 * @param replyTo the top comment of its thread, or null for a top comment
 * @param atMs a time in the video it speaks of ("at 1:23"), or null
 * @param authorName the author's name now (a guest's starts with '~'), or null
 * @param editedAt null until edited
 * @param hiddenAt null unless a moderator hid it
 */
public record Comment(String id, String videoId, long authorId, String authorName, String replyTo, String text,
    Long atMs, long createdAt, Long editedAt, Long hiddenAt) {

  static final String COLUMNS = "id, video_id, author_id, reply_to, body, at_ms, created_at, edited_at, hidden_at, "
      + "(SELECT username FROM users WHERE users.id = comments.author_id) AS author_name";

  static Comment fromRow(Row row) {
    return new Comment(row.getString("id"), row.getString("video_id"), row.getLong("author_id"),
        row.getString("author_name"), row.getString("reply_to"), row.getString("body"), row.getLong("at_ms"),
        row.getLong("created_at"), row.getLong("edited_at"), row.getLong("hidden_at"));
  }

  public boolean hidden() {
    return hiddenAt != null;
  }

  /** Everything, as it crosses the event bus to the sockets of every node. */
  JsonObject toBus() {
    return new JsonObject().put("id", id).put("video", videoId).put("authorId", authorId)
        .put("authorName", authorName).put("replyTo", replyTo).put("text", text).put("atMs", atMs)
        .put("created", createdAt).put("edited", editedAt).put("hiddenAt", hiddenAt);
  }

  static Comment fromBus(JsonObject json) {
    return new Comment(json.getString("id"), json.getString("video"), json.getLong("authorId"),
        json.getString("authorName"), json.getString("replyTo"), json.getString("text"), json.getLong("atMs"),
        json.getLong("created"), json.getLong("edited"), json.getLong("hiddenAt"));
  }

  /** The API's shape for one viewer: what they may do with it, and whether it is hidden (admins only see). */
  JsonObject toJson(Viewer viewer) {
    JsonObject json = new JsonObject().put("id", id).put("video", videoId).put("replyTo", replyTo)
        .put("author", new JsonObject().put("id", authorId).put("name", authorName == null ? null
            : authorName.startsWith("~") ? "a guest" : authorName))
        .put("text", text).put("at", atMs == null ? null : atMs / 1000.0).put("created", createdAt)
        .put("edited", editedAt).put("yours", viewer.isAuthor(this)).put("canDelete", viewer.mayDelete(this));
    if (viewer.admin()) {
      json.put("hidden", hidden());
    }
    return json;
  }

  /** The same comment with other text, edited now. */
  Comment edited(String newText, long now) {
    return new Comment(id, videoId, authorId, authorName, replyTo, newText, atMs, createdAt, now, hiddenAt);
  }
}
