package dev.livelens.filter;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A stream's uploaded background picture, put into the parameters its frames carry to the workers: every
 * {@code replace-background} (alone or in a chain) whose {@code image} is on gets the picture's JPEG in a
 * private parameter no client can set (resolving refuses unknown names), named by the key its sender gave
 * it. Within one JVM the frame message passes the same Buffer by reference, so nothing is copied per frame;
 * a worker in another JVM gets the key with each frame and the picture itself once ({@code bus.FramePictures}).
 */
public final class UploadedBackground {

  /** The picture's JPEG in a frame's parameters. */
  public static final String KEY = "_image";
  /** The key its sender gave the picture, beside it. */
  public static final String PICTURE_KEY = "_imageKey";
  static final String USE = "image";

  private UploadedBackground() {
  }

  /**
   * The parameters a frame carries: {@code resolved} with the picture (and {@code key}, which names those
   * bytes) added where it is wanted, or as they are.
   */
  public static JsonObject attach(String filter, JsonObject resolved, Buffer jpeg, String key) {
    if (jpeg == null) {
      return resolved;
    }
    if (FilterChain.NAME.equals(filter)) {
      JsonArray stages = new JsonArray();
      for (Object stage : resolved.getJsonArray(FilterChain.STAGES)) {
        JsonObject s = (JsonObject) stage;
        stages.add(new JsonObject().put("name", s.getString("name"))
            .put("params", attach(s.getString("name"), s.getJsonObject("params"), jpeg, key)));
      }
      return new JsonObject().put(FilterChain.STAGES, stages);
    }
    return shown(filter, resolved) ? resolved.copy().put(KEY, jpeg).put(PICTURE_KEY, key) : resolved;
  }

  /** Whether a picture would be shown by this filter (or a stage of this chain) with these parameters. */
  public static boolean shown(String filter, JsonObject resolved) {
    if (FilterChain.NAME.equals(filter)) {
      return resolved.getJsonArray(FilterChain.STAGES).stream().map(JsonObject.class::cast)
          .anyMatch(stage -> shown(stage.getString("name"), stage.getJsonObject("params")));
    }
    return BackgroundFilter.REPLACE.name().equals(filter) && resolved.getBoolean(USE, false);
  }
}
