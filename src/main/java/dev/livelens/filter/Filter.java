package dev.livelens.filter;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * One image operation. An instance belongs to one worker and may keep reusable Mats as fields;
 * {@link #close()} releases them.
 */
public interface Filter extends AutoCloseable {

  FilterSpec spec();

  /**
   * Processes a BGR frame. Returns the image to encode: the frame itself (changed in place) or a Mat
   * the filter owns and reuses. Faces found, if the filter looks for any, are added to {@code faces}.
   *
   * @param params parameters already checked by {@link FilterSpec#resolve}
   * @param hints what the stream knows from earlier frames (for filters that carry results between frames)
   */
  Mat apply(Mat frame, JsonObject params, FrameHints hints, List<Rect> faces);

  /** Whether the stream should send a {@code faces} message with each frame of this filter. */
  default boolean reportsFaces() {
    return false;
  }

  @Override
  default void close() {
  }
}
