package dev.livelens.bus;

import io.vertx.core.json.JsonObject;

/**
 * What a worker made of a frame, besides the processed JPEG.
 *
 * @param width width of the processed image in pixels
 * @param height height of the processed image in pixels
 * @param report what the filter tells the client about this frame, sent after the image with the
 *     frame's id added (for {@code faces}: {"type":"faces","faces":[{x,y,w,h}]}); empty when nothing
 * @param decodeNanos time spent decoding the JPEG
 * @param filterNanos time spent in the filter
 * @param encodeNanos time spent encoding the result
 * @param node the name of the node whose worker processed the frame (--node-name), so a cluster's
 *     replies say where they were made; empty until the worker names itself
 */
public record FrameResult(int width, int height, JsonObject report, long decodeNanos, long filterNanos,
    long encodeNanos, String node) {

  /** The timings of a frame processed here, before the worker adds its node's name. */
  public FrameResult(int width, int height, JsonObject report, long decodeNanos, long filterNanos, long encodeNanos) {
    this(width, height, report, decodeNanos, filterNanos, encodeNanos, "");
  }

  /** The same result, made on {@code nodeName}. */
  public FrameResult onNode(String nodeName) {
    return new FrameResult(width, height, report, decodeNanos, filterNanos, encodeNanos, nodeName);
  }

  public long workerNanos() {
    return decodeNanos + filterNanos + encodeNanos;
  }

  JsonObject toJson() {
    return new JsonObject().put("width", width).put("height", height).put("report", report)
        .put("decodeNanos", decodeNanos).put("filterNanos", filterNanos).put("encodeNanos", encodeNanos).put("node", node);
  }

  static FrameResult fromJson(JsonObject json) {
    return new FrameResult(json.getInteger("width"), json.getInteger("height"), json.getJsonObject("report"),
        json.getLong("decodeNanos"), json.getLong("filterNanos"), json.getLong("encodeNanos"), json.getString("node", ""));
  }
}
