package dev.livelens.vision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;
import org.opencv.imgproc.Imgproc;

/**
 * MediaPipe's short-range BlazeFace ({@code models/face_detection_short_range.tflite}): the frame
 * letterboxed to a 128x128 square, one forward pass, 896 anchor-relative boxes decoded and merged by
 * weighted non-maximum suppression, as MediaPipe's face detection graph does. Made for faces within
 * about two metres of a webcam; smaller faces are missed (docs/benchmarks.md measures where).
 * The default score threshold is 0.75, not MediaPipe's 0.5: a cat's photo on a grey card scored 0.5 to 0.6
 * here, while real faces score above 0.9.
 */
public final class BlazeFaceDetector implements FaceDetector {

  public static final String MODEL = "face_detection_short_range.tflite";
  public static final double DEFAULT_MIN_SCORE = 0.75;
  private static final int SIDE = SsdAnchors.INPUT_SIDE;
  private static final int COORDS = 16;
  private static final float[] ANCHORS = SsdAnchors.centres();
  private static final double SUPPRESSION_IOU = 0.3;
  private static final double TILE = 0.6;

  private final Net net;
  private final List<String> outputNames;
  private final Mat scaled = new Mat();
  private final Mat square = new Mat();
  /** Where the last frame was placed in {@link #square}: the rest of it is black. */
  private Rect placed;
  private final float[] boxes = new float[ANCHORS.length / 2 * COORDS];
  private final float[] scores = new float[ANCHORS.length / 2];

  public BlazeFaceDetector() {
    net = ModelFiles.tflite(MODEL);
    outputNames = net.getUnconnectedOutLayersNames();
  }

  @Override
  public List<Rect> detect(Mat bgr, double minScore) {
    return toRects(WeightedSuppression.merge(candidates(bgr, minScore, 0, 0), SUPPRESSION_IOU), bgr.cols(), bgr.rows());
  }

  /**
   * Also faces too small for one pass over the whole frame: four overlapping corner tiles, each 60% of the
   * frame's width and height, go through the model too (five passes), so faces come out two thirds larger.
   */
  @Override
  public List<Rect> detectIncludingSmall(Mat bgr, double minScore) {
    List<Candidate> all = candidates(bgr, minScore, 0, 0);
    int width = (int) (bgr.cols() * TILE);
    int height = (int) (bgr.rows() * TILE);
    for (int[] corner : new int[][] {{0, 0}, {bgr.cols() - width, 0}, {0, bgr.rows() - height},
        {bgr.cols() - width, bgr.rows() - height}}) {
      Mat tile = bgr.submat(new Rect(corner[0], corner[1], width, height));
      try {
        all.addAll(candidates(tile, minScore, corner[0], corner[1]));
      } finally {
        NativeObjects.delete(tile);
      }
    }
    return toRects(WeightedSuppression.merge(all, SUPPRESSION_IOU), bgr.cols(), bgr.rows());
  }

  /** Boxes scoring at least {@code minScore} in {@code bgr}, moved by (left, top) into the frame's pixels. */
  private List<Candidate> candidates(Mat bgr, double minScore, int originX, int originY) {
    int longSide = Math.max(bgr.cols(), bgr.rows());
    double scale = SIDE / (double) longSide;
    int width = Math.max(1, (int) Math.round(bgr.cols() * scale));
    int height = Math.max(1, (int) Math.round(bgr.rows() * scale));
    int top = (SIDE - height) / 2;
    int left = (SIDE - width) / 2;
    letterbox(bgr, new Rect(left, top, width, height));
    // RGB in [-1, 1], as the model was trained.
    Mat blob = Dnn.blobFromImage(square, 1 / 127.5, new Size(SIDE, SIDE), Scalar.all(127.5), true, false,
        CvType.CV_32F);
    try {
      net.setInput(blob);
      readOutputs();
    } finally {
      NativeObjects.delete(blob);
    }
    // From the square's unit coordinates back to the frame's pixels.
    double pixels = longSide;
    double offsetX = left / (double) SIDE * pixels - originX;
    double offsetY = top / (double) SIDE * pixels - originY;
    List<Candidate> candidates = new ArrayList<>();
    double minLogit = Math.log(minScore / (1 - minScore));
    for (int i = 0; i < scores.length; i++) {
      double logit = Math.max(-100, Math.min(100, scores[i]));
      if (logit < minLogit) {
        continue;
      }
      int b = i * COORDS;
      double cx = boxes[b] / SIDE + ANCHORS[2 * i];
      double cy = boxes[b + 1] / SIDE + ANCHORS[2 * i + 1];
      double w = boxes[b + 2] / SIDE;
      double h = boxes[b + 3] / SIDE;
      candidates.add(new Candidate(1 / (1 + Math.exp(-logit)), (cx - w / 2) * pixels - offsetX,
          (cy - h / 2) * pixels - offsetY, w * pixels, h * pixels));
    }
    return candidates;
  }

  /**
   * The frame scaled into {@code inside} of the square, the rest of which stays black. A large frame is
   * first halved-to-be with a bilinear step and then averaged 2:1 ({@code INTER_AREA}'s fast case): about
   * as smooth as averaging 5:1 at once, at 0.09 ms instead of 0.21 ms of a 640x480 frame.
   */
  private void letterbox(Mat bgr, Rect inside) {
    if (square.empty() || !inside.equals(placed)) {
      square.create(SIDE, SIDE, CvType.CV_8UC3);
      square.setTo(Scalar.all(0));
      placed = inside;
    }
    Mat target = square.submat(inside);
    try {
      if (bgr.cols() > 2 * inside.width && bgr.rows() > 2 * inside.height) {
        Imgproc.resize(bgr, scaled, new Size(2 * inside.width, 2 * inside.height), 0, 0, Imgproc.INTER_LINEAR);
        Imgproc.resize(scaled, target, inside.size(), 0, 0, Imgproc.INTER_AREA);
      } else {
        Imgproc.resize(bgr, target, inside.size(), 0, 0, Imgproc.INTER_AREA);
      }
    } finally {
      NativeObjects.delete(target);
    }
  }

  private void readOutputs() {
    List<Mat> outputs = new ArrayList<>(2);
    try {
      net.forward(outputs, outputNames);
      for (Mat out : outputs) {
        Mat flat = out.reshape(1, (int) (out.total() / scoresOrBoxes(out)));
        if (out.total() == boxes.length) {
          flat.get(0, 0, boxes);
        } else if (out.total() == scores.length) {
          flat.get(0, 0, scores);
        } else {
          throw new IllegalStateException("unexpected output of " + out.total() + " values from " + MODEL);
        }
        NativeObjects.delete(flat);
      }
    } finally {
      outputs.forEach(NativeObjects::delete);
    }
  }

  private int scoresOrBoxes(Mat out) {
    return out.total() == boxes.length ? COORDS : 1;
  }

  private static List<Rect> toRects(List<Candidate> faces, int cols, int rows) {
    List<Rect> rects = new ArrayList<>(faces.size());
    for (Candidate f : faces) {
      int x = (int) Math.max(0, Math.round(f.x()));
      int y = (int) Math.max(0, Math.round(f.y()));
      int right = (int) Math.min(cols, Math.round(f.x() + f.w()));
      int bottom = (int) Math.min(rows, Math.round(f.y() + f.h()));
      if (right > x && bottom > y) {
        rects.add(new Rect(x, y, right - x, bottom - y));
      }
    }
    return rects;
  }

  /** A decoded box in frame pixels, before suppression. */
  record Candidate(double score, double x, double y, double w, double h) {
    double iou(Candidate o) {
      double iw = Math.min(x + w, o.x + o.w) - Math.max(x, o.x);
      double ih = Math.min(y + h, o.y + o.h) - Math.max(y, o.y);
      double inter = Math.max(0, iw) * Math.max(0, ih);
      double union = w * h + o.w * o.h - inter;
      return union <= 0 ? 0 : inter / union;
    }
  }

  @Override
  public void close() {
    NativeObjects.delete(net);
    scaled.release();
    square.release();
    Arrays.fill(scores, 0);
  }
}
