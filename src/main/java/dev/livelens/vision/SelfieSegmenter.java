package dev.livelens.vision;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;
import org.opencv.imgproc.Imgproc;

/**
 * MediaPipe's selfie segmentation ({@code models/selfie_segmentation.tflite}): the frame squeezed to
 * 256x256 RGB in [0, 1], one forward pass, a 256x256 mask of how likely each point is the person. Meant
 * for one or two people near a webcam.
 */
public final class SelfieSegmenter implements AutoCloseable {

  public static final String MODEL = "selfie_segmentation.tflite";
  private static final int SIDE = 256;

  private final Net net;
  private final List<String> outputNames;
  private final Mat small = new Mat();

  public SelfieSegmenter() {
    net = ModelFiles.tflite(MODEL);
    outputNames = net.getUnconnectedOutLayersNames();
  }

  /**
   * Writes the person mask for {@code bgr} into {@code mask}: CV_32F, 256x256, 1 for the person, 0 for the
   * background (the caller scales it to the frame).
   */
  public void segment(Mat bgr, Mat mask) {
    Imgproc.resize(bgr, small, new Size(SIDE, SIDE), 0, 0, Imgproc.INTER_AREA);
    Mat blob = Dnn.blobFromImage(small, 1 / 255.0, new Size(SIDE, SIDE), Scalar.all(0), true, false, CvType.CV_32F);
    List<Mat> outputs = new ArrayList<>(1);
    try {
      net.setInput(blob);
      net.forward(outputs, outputNames);
      Mat out = outputs.get(0);
      if (out.total() != SIDE * SIDE) {
        throw new IllegalStateException("unexpected output of " + out.total() + " values from " + MODEL);
      }
      Mat plane = out.reshape(1, SIDE);
      try {
        plane.copyTo(mask);
      } finally {
        NativeObjects.delete(plane);
      }
    } finally {
      NativeObjects.delete(blob);
      outputs.forEach(NativeObjects::delete);
    }
  }

  @Override
  public void close() {
    NativeObjects.delete(net);
    small.release();
  }
}
