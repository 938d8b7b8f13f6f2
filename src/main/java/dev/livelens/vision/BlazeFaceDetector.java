package dev.livelens.vision;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;

/**
 * MediaPipe's short-range BlazeFace ({@code models/face_detection_short_range.tflite}): the frame scaled
 * down to the model's input ({@link BlazeFaceInput}), one forward pass, the anchor-relative boxes decoded
 * and merged by weighted non-maximum suppression, as MediaPipe's face detection graph does. Made for faces within
 * about two metres of a webcam; smaller faces are missed (docs/benchmarks.md measures where).
 * The default score threshold is 0.75, not MediaPipe's 0.5: a cat's photo on a grey card scored 0.5 to 0.6
 * here, while real faces score above 0.9.
 */
public final class BlazeFaceDetector implements FaceDetector {

  public static final String MODEL = "face_detection_short_range.tflite";
  public static final double DEFAULT_MIN_SCORE = 0.75;
  private static final int COORDS = 16;
  private static final double SUPPRESSION_IOU = 0.3;
  private static final double TILE = 0.6;

  private final Net net;
  private final List<String> outputNames;
  private final BlazeFaceInput input = new BlazeFaceInput();
  // The anchors and output arrays of the last input size; an input of another size makes them anew.
  private int anchorsWidth;
  private int anchorsHeight;
  private float[] anchors = new float[0];
  private float[] boxes = new float[0];
  private float[] scores = new float[0];

  public BlazeFaceDetector() {
    net = ModelFiles.tflite(MODEL);
    outputNames = net.getUnconnectedOutLayersNames();
  }

  @Override
  public List<Rect> detect(Mat bgr, double minScore) {
    return toRects(WeightedSuppression.merge(candidates(bgr, minScore, 0, 0), SUPPRESSION_IOU), bgr.cols(), bgr.rows());
  }

  /**
   * {@link #detect} on a picture given as its YCbCr planes ({@link YuvPlanes}), which are never converted
   * to colour at their full size ({@link BlazeFaceInput#fromPlanes}).
   */
  public List<Rect> detectInPlanes(Mat planes, double minScore) {
    int width = planes.cols();
    int height = YuvPlanes.height(planes);
    input.fromPlanes(planes);
    return toRects(WeightedSuppression.merge(run(width, height, minScore, 0, 0), SUPPRESSION_IOU), width, height);
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
    input.fromBgr(bgr);
    return run(bgr.cols(), bgr.rows(), minScore, originX, originY);
  }

  /**
   * One forward pass over the prepared input, its boxes mapped back to the picture's pixels (moved by
   * {@code originX}, {@code originY} for a tile of a larger frame).
   */
  private List<Candidate> run(int pictureWidth, int pictureHeight, double minScore, int originX, int originY) {
    Mat model = input.mat();
    // RGB in [-1, 1], as the model was trained.
    Mat blob = Dnn.blobFromImage(model, 1 / 127.5, model.size(), Scalar.all(127.5), true, false, CvType.CV_32F);
    try {
      net.setInput(blob);
      readOutputs(model.cols(), model.rows());
    } finally {
      NativeObjects.delete(blob);
    }
    // The regressors are in the input's pixels, relative to their anchor.
    double pixels = Math.max(pictureWidth, pictureHeight) / (double) SsdAnchors.INPUT_SIDE;
    Rect inside = input.placed();
    List<Candidate> candidates = new ArrayList<>();
    double minLogit = Math.log(minScore / (1 - minScore));
    for (int i = 0; i < scores.length; i++) {
      double logit = Math.max(-100, Math.min(100, scores[i]));
      if (logit < minLogit) {
        continue;
      }
      int b = i * COORDS;
      double w = boxes[b + 2];
      double h = boxes[b + 3];
      double x = boxes[b] + anchors[2 * i] - w / 2 - inside.x;
      double y = boxes[b + 1] + anchors[2 * i + 1] - h / 2 - inside.y;
      candidates.add(new Candidate(1 / (1 + Math.exp(-logit)), x * pixels + originX, y * pixels + originY,
          w * pixels, h * pixels));
    }
    return candidates;
  }

  private void readOutputs(int inputWidth, int inputHeight) {
    if (inputWidth != anchorsWidth || inputHeight != anchorsHeight) {
      anchors = SsdAnchors.centres(inputWidth, inputHeight);
      boxes = new float[anchors.length / 2 * COORDS];
      scores = new float[anchors.length / 2];
      anchorsWidth = inputWidth;
      anchorsHeight = inputHeight;
    }
    List<Mat> outputs = new ArrayList<>(2);
    try {
      net.forward(outputs, outputNames);
      for (Mat out : outputs) {
        float[] into = out.total() == boxes.length ? boxes : out.total() == scores.length ? scores : null;
        if (into == null) {
          throw new IllegalStateException("unexpected output of " + out.total() + " values from " + MODEL);
        }
        Mat flat = out.reshape(1, 1);
        flat.get(0, 0, into);
        NativeObjects.delete(flat);
      }
    } finally {
      outputs.forEach(NativeObjects::delete);
    }
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
    input.close();
  }
}
