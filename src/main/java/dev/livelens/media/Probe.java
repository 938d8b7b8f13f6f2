package dev.livelens.media;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What ffprobe says about a file's first video stream.
 *
 * @param codec the video codec's name (h264, vp8, …), or null when there is no video stream
 * @param durationSeconds the container's duration, or the stream's; 0 when neither is known
 */
public record Probe(String codec, int width, int height, double durationSeconds) {

  public static Probe of(JsonObject ffprobe) {
    JsonObject video = null;
    JsonArray streams = ffprobe.getJsonArray("streams", new JsonArray());
    for (int i = 0; i < streams.size() && video == null; i++) {
      if ("video".equals(streams.getJsonObject(i).getString("codec_type"))) {
        video = streams.getJsonObject(i);
      }
    }
    double duration = seconds(ffprobe.getJsonObject("format", new JsonObject()).getString("duration"));
    if (video == null) {
      return new Probe(null, 0, 0, duration);
    }
    if (duration == 0) {
      duration = seconds(video.getString("duration"));
    }
    return new Probe(video.getString("codec_name"), video.getInteger("width", 0), video.getInteger("height", 0),
        duration);
  }

  private static double seconds(String text) {
    try {
      return text == null ? 0 : Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
