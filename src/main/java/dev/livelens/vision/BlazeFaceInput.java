package dev.livelens.vision;

import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * BlazeFace's input made from a picture: scaled to 128 pixels on its longer side and letterboxed to whole
 * strides of the model ({@link SsdAnchors}; a 4:3 picture fills 128x96 with no bars), BGR. Holds the
 * input and its scratch Mats, reused from frame to frame; one instance belongs to one detector.
 */
final class BlazeFaceInput implements AutoCloseable {

  private final Mat input = new Mat();
  private final Mat scaled = new Mat();
  // The planes at the model's size, for a picture given as YCbCr planes.
  private final Mat smallLuma = new Mat();
  private final Mat smallRed = new Mat();
  private final Mat smallBlue = new Mat();
  private final Mat smallYcrcb = new Mat();
  /** Where the last picture was placed in {@link #input}: the rest of it is black. */
  private Rect placed;

  /** The input as the last {@code from} call made it. */
  Mat mat() {
    return input;
  }

  /** Where the last picture went in the input, in the input's pixels. */
  Rect placed() {
    return placed;
  }

  /** Fills the input from a BGR picture (or a tile of one). */
  void fromBgr(Mat bgr) {
    Mat target = prepare(bgr.cols(), bgr.rows());
    try {
      scale(bgr, target, target.size());
    } finally {
      NativeObjects.delete(target);
    }
  }

  /**
   * Fills the input from a picture given as YCbCr planes ({@link YuvPlanes}): each plane is scaled down
   * alone and only the model-sized copy is converted to colour, so the full picture never is.
   */
  void fromPlanes(Mat planes) {
    Mat target = prepare(planes.cols(), YuvPlanes.height(planes));
    Mat luma = YuvPlanes.luma(planes);
    Mat red = YuvPlanes.redDifference(planes);
    Mat blue = YuvPlanes.blueDifference(planes);
    try {
      Size size = target.size();
      // INTER_AREA straight from a chroma plane (2.5:1 at 640x480) takes its slow path: 0.15 ms of a frame.
      scale(luma, smallLuma, size);
      scale(red, smallRed, size);
      scale(blue, smallBlue, size);
      Core.merge(List.of(smallLuma, smallRed, smallBlue), smallYcrcb);
      Imgproc.cvtColor(smallYcrcb, target, Imgproc.COLOR_YCrCb2BGR); // JPEG's full-range conversion
    } finally {
      for (Mat view : new Mat[] {target, luma, red, blue}) {
        NativeObjects.delete(view);
      }
    }
  }

  /** The input sized for a picture of this size; returns the part of it the picture goes into. */
  private Mat prepare(int pictureWidth, int pictureHeight) {
    double scale = SsdAnchors.INPUT_SIDE / (double) Math.max(pictureWidth, pictureHeight);
    int width = Math.max(1, (int) Math.round(pictureWidth * scale));
    int height = Math.max(1, (int) Math.round(pictureHeight * scale));
    int inputWidth = wholeStrides(width);
    int inputHeight = wholeStrides(height);
    Rect inside = new Rect((inputWidth - width) / 2, (inputHeight - height) / 2, width, height);
    if (input.cols() != inputWidth || input.rows() != inputHeight || !inside.equals(placed)) {
      input.create(inputHeight, inputWidth, CvType.CV_8UC3);
      input.setTo(Scalar.all(0));
      placed = inside;
    }
    return input.submat(inside);
  }

  /** The smallest multiple of the model's largest stride that holds {@code pixels}. */
  private static int wholeStrides(int pixels) {
    return (pixels + SsdAnchors.LARGEST_STRIDE - 1) / SsdAnchors.LARGEST_STRIDE * SsdAnchors.LARGEST_STRIDE;
  }

  /**
   * {@code source} scaled into {@code target}. A large one is first halved-to-be with a bilinear step and
   * then averaged 2:1 ({@code INTER_AREA}'s fast case): about as smooth as averaging 5:1 at once, at
   * 0.09 ms instead of 0.21 ms of a 640x480 frame.
   */
  private void scale(Mat source, Mat target, Size size) {
    if (source.cols() > 2 * size.width && source.rows() > 2 * size.height) {
      Imgproc.resize(source, scaled, new Size(2 * size.width, 2 * size.height), 0, 0, Imgproc.INTER_LINEAR);
      Imgproc.resize(scaled, target, size, 0, 0, Imgproc.INTER_AREA);
    } else {
      Imgproc.resize(source, target, size, 0, 0, Imgproc.INTER_AREA);
    }
  }

  @Override
  public void close() {
    for (Mat mat : new Mat[] {input, scaled, smallLuma, smallRed, smallBlue, smallYcrcb}) {
      mat.release();
    }
  }
}
