package dev.livelens.library;

import dev.livelens.media.FailureReason;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * One video of the library, as its row says.
 *
 * @param id unguessable, URL-safe
 * @param source recording, upload, url, cut or processed
 * @param parentId the video it was made from (a cut, a processed video), or null (also once that video is
 *     deleted: nothing links to a page that is gone)
 * @param createdAt epoch ms
 * @param durationMs null until known
 * @param status processing, ready or failed
 * @param reason why it failed (or why a recording ended early), or null
 * @param poster whether a poster frame exists
 * @param originalName the name of the file it was made from (an upload's), or null
 * @param originalMedia the original's container and codecs and what packaging did, or null until ready
 * @param ownerId the user who made it (an account or a guest), or null for a video made before owners
 * @param visibility {@link #PRIVATE}, {@link #UNLISTED} or {@link #PUBLIC}
 * @param ownerName the owner's name as it is now (a guest's starts with '~'), or null
 */
public record Video(String id, String title, String source, String parentId, long createdAt, Long durationMs,
    Integer width, Integer height, String codec, Long sizeBytes, String status, String reason, boolean poster,
    String originalName, String originalMedia, Long ownerId, String visibility, String ownerName) {

  /** Its owner only (and admins). */
  public static final String PRIVATE = "private";
  /** Anyone with its link; never listed. */
  public static final String UNLISTED = "unlisted";
  /** Listed in the library for everyone. */
  public static final String PUBLIC = "public";

  public static final String PROCESSING = "processing";
  public static final String READY = "ready";
  public static final String FAILED = "failed";

  static final String COLUMNS =
      "id, title, source, (SELECT p.id FROM videos p WHERE p.id = videos.parent_id) AS living_parent, "
      + "created_at, duration_ms, width, height, codec, size_bytes, status, reason, poster, "
      + "original_name, original_media, owner_id, visibility, "
      + "(SELECT username FROM users WHERE users.id = videos.owner_id) AS owner_name";

  public static boolean isVisibility(Object value) {
    return PRIVATE.equals(value) || UNLISTED.equals(value) || PUBLIC.equals(value);
  }

  static Video fromRow(Row row) {
    return new Video(row.getString("id"), row.getString("title"), row.getString("source"),
        row.getString("living_parent"),
        row.getLong("created_at"), row.getLong("duration_ms"), row.getInteger("width"), row.getInteger("height"),
        row.getString("codec"), row.getLong("size_bytes"), row.getString("status"), row.getString("reason"),
        row.getInteger("poster") == 1, row.getString("original_name"), row.getString("original_media"),
        row.getLong("owner_id"), row.getString("visibility"), row.getString("owner_name"));
  }

  /** The API's shape, with where to fetch the media. */
  public JsonObject toJson() {
    String base = "/api/videos/" + id;
    JsonObject json = new JsonObject().put("id", id).put("title", title).put("source", source)
        .put("parent", parentId).put("created", createdAt).put("durationMs", durationMs).put("width", width)
        .put("height", height).put("codec", codec).put("size", sizeBytes).put("status", status)
        .put("reason", reason == null ? null : FailureReason.safe(reason)) // rows from before the translator too
        .put("poster", poster ? base + "/poster.jpg" : null)
        .put("original", new JsonObject().put("name", originalName).put("media", originalMedia)).put("owner", ownerId)
        .put("ownerName", ownerName == null ? null : ownerName.startsWith("~") ? "a guest" : ownerName)
        .put("visibility", visibility);
    if (READY.equals(status)) {
      json.put("mp4", base + "/video.mp4").put("hls", base + "/hls/master.m3u8");
    }
    return json;
  }
}
