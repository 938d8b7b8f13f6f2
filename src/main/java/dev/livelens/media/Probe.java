package dev.livelens.media;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What ffprobe says about a file: its container, its first video stream and the audio stream to keep.
 *
 * @param codec the video codec's name (h264, vp8, …), or null when there is no video stream
 * @param width the coded width (before rotation); {@link #displayWidth} is as shown
 * @param durationSeconds the container's duration, or the video stream's; 0 when neither is known
 * @param format the container as ffprobe names it ("mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", …)
 * @param pixelFormat the video's pixel format (yuv420p, yuv420p10le, …), or null
 * @param rotation degrees the display matrix turns the picture clockwise (0, 90, 180, 270), as the old
 *     {@code rotate} tag said: 90 for a phone held upright
 * @param audioCodec the chosen audio stream's codec, or null when there is no audio
 * @param audioIndex the chosen audio stream's index in the file (the default one, else the first); -1 none
 * @param audioStreams how many audio streams the file has
 * @param videoIndex the video stream's index in the file (a cover picture before it is skipped); -1 none
 */
public record Probe(String codec, int width, int height, double durationSeconds, String format, String pixelFormat,
    int rotation, String audioCodec, int audioIndex, int audioStreams, int videoIndex) {

  public static Probe of(JsonObject ffprobe) {
    JsonObject video = null;
    JsonObject audio = null;
    int audioStreams = 0;
    JsonArray streams = ffprobe.getJsonArray("streams", new JsonArray());
    for (int i = 0; i < streams.size(); i++) {
      JsonObject stream = streams.getJsonObject(i);
      String type = stream.getString("codec_type");
      boolean attachedPicture = stream.getJsonObject("disposition", new JsonObject()).getInteger("attached_pic", 0) == 1;
      if ("video".equals(type) && video == null && !attachedPicture) {
        video = stream;
      } else if ("audio".equals(type)) {
        audioStreams++;
        boolean isDefault = stream.getJsonObject("disposition", new JsonObject()).getInteger("default", 0) == 1;
        if (audio == null || (isDefault && audioStreams > 1 && !isDefaultStream(audio))) {
          audio = stream;
        }
      }
    }
    JsonObject container = ffprobe.getJsonObject("format", new JsonObject());
    double duration = seconds(container.getString("duration"));
    String format = container.getString("format_name");
    String audioCodec = audio == null ? null : audio.getString("codec_name");
    int audioIndex = audio == null ? -1 : audio.getInteger("index", -1);
    if (video == null) {
      return new Probe(null, 0, 0, duration, format, null, 0, audioCodec, audioIndex, audioStreams, -1);
    }
    if (duration == 0) {
      duration = seconds(video.getString("duration"));
    }
    return new Probe(video.getString("codec_name"), video.getInteger("width", 0), video.getInteger("height", 0),
        duration, format, video.getString("pix_fmt"), rotation(video), audioCodec, audioIndex, audioStreams,
        video.getInteger("index", 0));
  }

  /** The width as the picture is shown, after its rotation. */
  public int displayWidth() {
    return rotation % 180 == 0 ? width : height;
  }

  public int displayHeight() {
    return rotation % 180 == 0 ? height : width;
  }

  private static boolean isDefaultStream(JsonObject stream) {
    return stream.getJsonObject("disposition", new JsonObject()).getInteger("default", 0) == 1;
  }

  /** The display matrix's rotation clockwise, as 0, 90, 180 or 270 (ffprobe says -90, counter-clockwise, for 90). */
  private static int rotation(JsonObject video) {
    JsonArray sideData = video.getJsonArray("side_data_list", new JsonArray());
    for (int i = 0; i < sideData.size(); i++) {
      Object value = sideData.getJsonObject(i).getValue("rotation");
      if (value instanceof Number degrees) {
        return Math.floorMod(-Math.round(degrees.floatValue() / 90f) * 90, 360);
      }
    }
    String tag = video.getJsonObject("tags", new JsonObject()).getString("rotate");
    try {
      return tag == null ? 0 : Math.floorMod(Math.round(Integer.parseInt(tag.strip()) / 90f) * 90, 360);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static double seconds(String text) {
    try {
      return text == null ? 0 : Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
