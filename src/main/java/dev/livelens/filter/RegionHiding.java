package dev.livelens.filter;

import dev.livelens.vision.NativeObjects;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Destroys the detail of a region in place: a mosaic of {@code strength} blocks across its longer side
 * (block edges softened), or the same reduction smoothed back up and blurred (no blocks). Either way only about strength²
 * values of the region survive, so a face cannot be read back from it.
 */
final class RegionHiding implements AutoCloseable {

  private final Mat small = new Mat();
  private final Mat enlarged = new Mat();

  void hide(Mat frame, Rect region, int strength, boolean pixelate) {
    if (region.width <= 0 || region.height <= 0) {
      return;
    }
    double blocks = Math.max(region.width, region.height) / (double) strength;
    Size reduced = new Size(Math.max(1, Math.round(region.width / blocks)),
        Math.max(1, Math.round(region.height / blocks)));
    Mat roi = frame.submat(region);
    try {
      Imgproc.resize(roi, small, reduced, 0, 0, Imgproc.INTER_AREA);
      Imgproc.resize(small, enlarged, region.size(), 0, 0, pixelate ? Imgproc.INTER_NEAREST : Imgproc.INTER_LINEAR);
      // The blocks' edges softened too: sharp steps between blocks would be detail of their own, and
      // what an observer (or an edge detector) sees as the face's outline.
      int kernel = (int) Math.max(3, Math.round(pixelate ? blocks / 3 : blocks) | 1);
      Imgproc.GaussianBlur(enlarged, roi, new Size(kernel, kernel), 0);
    } finally {
      NativeObjects.delete(roi);
    }
  }

  @Override
  public void close() {
    small.release();
    enlarged.release();
  }
}
