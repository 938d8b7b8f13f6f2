package dev.livelens.filter;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The state of the filters that detect faces on every frame: the boxes of the newest frame that has
 * answered, and how many frames ago it was sent. {@code faces} smooths its new boxes towards them;
 * the face-hiding filters keep hiding them for a few frames, so a face the detector misses for a frame
 * stays hidden. Replies may come out of order: an older frame answering late teaches nothing.
 */
final class FaceHistory implements FilterState {

  static final String SEQUENCE = "seq";
  static final String BOXES = "boxes";
  /** Frames between the one the boxes come from and this one; absent while no frame has answered. */
  static final String AGE = "age";

  /** Set in a report when detection failed on the frame: its boxes are not faces found, so nothing is learnt. */
  static final String FAILED = "detectionFailed";

  private long sent;
  private JsonArray boxes = new JsonArray();
  private long boxesFrom;

  @Override
  public JsonObject next(JsonObject params) {
    JsonObject state = new JsonObject().put(SEQUENCE, ++sent).put(BOXES, boxes);
    if (boxesFrom > 0) {
      state.put(AGE, sent - boxesFrom);
    }
    return state;
  }

  @Override
  public void learn(JsonObject state, JsonObject report) {
    long sequence = state.getLong(SEQUENCE, 0L);
    if (report.containsKey("faces") && !report.getBoolean(FAILED, false) && sequence > boxesFrom) {
      boxes = report.getJsonArray("faces");
      boxesFrom = sequence;
    }
  }
}
