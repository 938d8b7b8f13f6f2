package dev.livelens.vision;

import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/** Finds faces in a BGR frame. An instance belongs to one worker thread; {@link #close()} frees its natives. */
public interface FaceDetector extends AutoCloseable {

  /** The faces in {@code bgr} scoring at least {@code minScore} (0 to 1), in its pixel coordinates, clipped to it. */
  List<Rect> detect(Mat bgr, double minScore);

  /** Like {@link #detect}, also finding faces too small for it where the detector can, at a higher cost. */
  default List<Rect> detectIncludingSmall(Mat bgr, double minScore) {
    return detect(bgr, minScore);
  }

  @Override
  default void close() {
  }
}
