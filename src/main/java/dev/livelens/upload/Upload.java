package dev.livelens.upload;

import io.vertx.core.json.JsonObject;

/**
 * One upload as its {@code upload.json} says: immutable, replaced on every change.
 *
 * @param offset bytes received and acknowledged (the data file is cut back to this after a crash)
 * @param length the whole length, or {@link #DEFERRED} while the client does not know it yet
 * @param metadata the tus {@code Upload-Metadata} header as the client sent it ("" when none)
 * @param expiresAt epoch ms after which the upload is gone (410), extended by each PATCH
 * @param videoId the library video it became once complete, or null
 * @param expired true once the cleaner deleted its data: only this record is left, to answer 410
 * @param ownerId who created it (an account or a guest), or null for an upload begun before owners
 */
record Upload(String id, long offset, long length, String metadata, long expiresAt, String videoId,
    boolean expired, Long ownerId) {

  static final long DEFERRED = -1;

  boolean lengthKnown() {
    return length != DEFERRED;
  }

  boolean complete() {
    return lengthKnown() && offset == length;
  }

  boolean goneAt(long now) {
    return expired || now >= expiresAt;
  }

  Upload withProgress(long newOffset, long newLength, long newExpiresAt) {
    return new Upload(id, newOffset, newLength, metadata, newExpiresAt, videoId, false, ownerId);
  }

  Upload withVideo(String video) {
    return new Upload(id, offset, length, metadata, expiresAt, video, expired, ownerId);
  }

  Upload withOwner(Long owner) {
    return new Upload(id, offset, length, metadata, expiresAt, videoId, expired, owner);
  }

  Upload asExpired(long keepUntil) {
    return new Upload(id, offset, length, metadata, keepUntil, videoId, true, ownerId);
  }

  JsonObject toJson() {
    return new JsonObject().put("id", id).put("offset", offset).put("length", length).put("metadata", metadata)
        .put("expiresAt", expiresAt).put("videoId", videoId).put("expired", expired).put("owner", ownerId);
  }

  static Upload fromJson(JsonObject json) {
    return new Upload(json.getString("id"), json.getLong("offset"), json.getLong("length"),
        json.getString("metadata", ""), json.getLong("expiresAt"), json.getString("videoId"),
        json.getBoolean("expired", false), json.getLong("owner"));
  }
}
