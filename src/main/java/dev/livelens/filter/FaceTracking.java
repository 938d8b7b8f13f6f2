package dev.livelens.filter;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The {@code faces} filter's state for one stream: detection runs on every n-th frame ({@code detectEvery})
 * and the frames between draw the boxes of the newest detection that has answered. Whether a frame
 * detects is decided as it goes to a worker, not when it arrives: a frame replaced while waiting must not
 * take a detection turn with it, and a carrying frame gets the newest boxes there are. Until a detection
 * has answered there is nothing to carry, so frames detect.
 */
final class FaceTracking implements FilterState {

  static final String SEQUENCE = "seq";
  static final String DETECT = "detect";
  static final String BOXES = "boxes";

  private long sent;
  private long sinceDetect;
  private JsonArray boxes = new JsonArray();
  /** Which frame the boxes come from: an older detection answering late is ignored. */
  private long boxesFrom;
  private boolean known;

  @Override
  public JsonObject next(JsonObject params) {
    boolean detect = sinceDetect++ % params.getInteger("detectEvery", 1) == 0 || !known;
    return new JsonObject().put(SEQUENCE, ++sent).put(DETECT, detect).put(BOXES, detect ? new JsonArray() : boxes);
  }

  @Override
  public void learn(JsonObject state, JsonObject report) {
    long sequence = state.getLong(SEQUENCE, 0L);
    if (state.getBoolean(DETECT, false) && report.containsKey("faces") && sequence > boxesFrom) {
      boxes = report.getJsonArray("faces");
      boxesFrom = sequence;
      known = true;
    }
  }
}
