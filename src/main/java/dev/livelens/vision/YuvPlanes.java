package dev.livelens.vision;

import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;

/**
 * A picture as a 4:2:0 JPEG holds it ({@link JpegCodec.Pixels#I420}): one CV_8UC1 Mat of 1.5 times the
 * picture's height, the Y plane first, then the Cb and the Cr plane at half the width and height, all in
 * JPEG's full-range YCbCr. These are views into it and the little drawing done on it; each view is a Mat
 * header of its own, deleted by the caller.
 */
public final class YuvPlanes {

  private YuvPlanes() {
  }

  /**
   * Whether a picture of this size can be held so: both sides even, and the height a multiple of four so
   * that each chroma plane starts on a row of the Mat (the views below are row ranges reshaped).
   */
  public static boolean fits(int width, int height) {
    return width > 0 && height > 0 && width % 2 == 0 && height % 4 == 0;
  }

  /** The picture's height (the Mat's rows are 1.5 times it). */
  public static int height(Mat planes) {
    return planes.rows() * 2 / 3;
  }

  /** The Y plane, the picture's size. */
  public static Mat luma(Mat planes) {
    return planes.submat(0, height(planes), 0, planes.cols());
  }

  /** The Cb plane: half the width and height. */
  public static Mat blueDifference(Mat planes) {
    int height = height(planes);
    return chroma(planes, height, height + height / 4);
  }

  /** The Cr plane: half the width and height. */
  public static Mat redDifference(Mat planes) {
    int height = height(planes);
    return chroma(planes, height + height / 4, planes.rows());
  }

  private static Mat chroma(Mat planes, int fromRow, int toRow) {
    Mat rows = planes.submat(fromRow, toRow, 0, planes.cols());
    try {
      return rows.reshape(1, height(planes) / 2);
    } finally {
      NativeObjects.delete(rows);
    }
  }

  /**
   * Box outlines in a BGR colour, {@code thickness} pixels wide (rounded up to even). Each edge is snapped to
   * even pixels so that it covers whole chroma pixels: the outline is its colour throughout, with no fringe
   * of the picture's own colour along it.
   */
  public static void rectangles(Mat planes, List<Rect> boxes, Scalar bgr, int thickness) {
    if (boxes.isEmpty()) {
      return;
    }
    double[] ycbcr = ycbcr(bgr);
    Mat[] views = {luma(planes), blueDifference(planes), redDifference(planes)};
    int width = planes.cols();
    int height = height(planes);
    int band = Math.max(2, thickness + thickness % 2);
    try {
      for (Rect box : boxes) {
        int left = Math.max(0, box.x & ~1);
        int top = Math.max(0, box.y & ~1);
        int right = Math.min(width, (box.x + box.width + 1) & ~1);
        int bottom = Math.min(height, (box.y + box.height + 1) & ~1);
        if (right - left < band || bottom - top < band) {
          continue;
        }
        for (Rect edge : new Rect[] {new Rect(left, top, right - left, band),
            new Rect(left, bottom - band, right - left, band), new Rect(left, top, band, bottom - top),
            new Rect(right - band, top, band, bottom - top)}) {
          for (int plane = 0; plane < views.length; plane++) {
            int scale = plane == 0 ? 1 : 2;
            Mat part = views[plane].submat(new Rect(edge.x / scale, edge.y / scale, edge.width / scale,
                edge.height / scale));
            part.setTo(new Scalar(ycbcr[plane]));
            NativeObjects.delete(part);
          }
        }
      }
    } finally {
      for (Mat view : views) {
        NativeObjects.delete(view);
      }
    }
  }

  /** JFIF's full-range conversion of a BGR colour: {Y, Cb, Cr}. */
  static double[] ycbcr(Scalar bgr) {
    double b = bgr.val[0];
    double g = bgr.val[1];
    double r = bgr.val[2];
    return new double[] {
        0.299 * r + 0.587 * g + 0.114 * b,
        128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
        128 + 0.5 * r - 0.418688 * g - 0.081312 * b};
  }
}
