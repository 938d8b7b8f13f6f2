package dev.livelens.filter;

import io.vertx.core.json.JsonObject;

/**
 * The background filters' state for one stream: a coarse copy of the newest answered frame's person mask
 * ({@link #MASK}, 32x32 bytes in base64, in the report's private field so the client never gets it), which
 * the next frame's mask is blended with so the edge does not shimmer from frame to frame.
 */
final class MaskHistory implements FilterState {

  static final String SEQUENCE = "seq";
  static final String MASK = "_mask";

  private long sent;
  private String mask;
  private long maskFrom;

  @Override
  public JsonObject next(JsonObject params) {
    JsonObject state = new JsonObject().put(SEQUENCE, ++sent);
    if (mask != null && sent - maskFrom <= 3) {
      state.put(MASK, mask);
    }
    return state;
  }

  @Override
  public void learn(JsonObject state, JsonObject report) {
    long sequence = state.getLong(SEQUENCE, 0L);
    if (report.getValue(MASK) instanceof String newer && sequence > maskFrom) {
      mask = newer;
      maskFrom = sequence;
    }
  }
}
