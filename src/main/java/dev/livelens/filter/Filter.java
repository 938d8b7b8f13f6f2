package dev.livelens.filter;

import dev.livelens.vision.JpegCodec.Pixels;
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
   * The pixels the frame should be decoded to. Filters that only look at luminance ask for GRAY, which
   * skips the decoder's colour work.
   */
  default Pixels input() {
    return Pixels.BGR;
  }

  /**
   * Processes a frame, decoded as {@link #input()} asks (a BGR frame is always accepted too). Returns the image to encode: the frame itself (changed in place) or a Mat
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
