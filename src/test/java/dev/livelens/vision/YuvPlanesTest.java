package dev.livelens.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.livelens.testing.TestImages;
import dev.livelens.vision.JpegCodec.Pixels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** A 4:2:0 JPEG's own planes, as TurboJPEG decodes and encodes them for `faces`, against the BGR path. */
class YuvPlanesTest {

  private static final Scalar GREEN = new Scalar(0, 255, 0);

  @BeforeAll
  static void loadOpenCv() {
    OpenCvNatives.load();
  }

  @Test
  void planesHoldThePictureTheColourDecodeShows() {
    byte[] jpeg = TestImages.faceFrame();
    try (JpegCodec codec = turbo()) {
      Mat planes = new Mat();
      assertEquals(Pixels.I420, codec.decode(jpeg, jpeg.length, planes, Pixels.I420));
      assertEquals(new Size(640, 720), planes.size());
      Mat bgr = new Mat();
      codec.decode(jpeg, jpeg.length, bgr, Pixels.BGR);
      Mat ycrcb = new Mat();
      Imgproc.cvtColor(bgr, ycrcb, Imgproc.COLOR_BGR2YCrCb);
      List<Mat> channels = new ArrayList<>();
      Core.split(ycrcb, channels);
      assertTrue(TestImages.meanAbsDiff(YuvPlanes.luma(planes), channels.get(0)) < 1.0, "Y differs from the decoded luma");
      assertTrue(TestImages.meanAbsDiff(YuvPlanes.redDifference(planes), half(channels.get(1))) < 2.0, "Cr differs");
      assertTrue(TestImages.meanAbsDiff(YuvPlanes.blueDifference(planes), half(channels.get(2))) < 2.0, "Cb differs");
    }
  }

  @Test
  void planesEncodeToTheSamePictureWithoutAColourRoundTrip() {
    byte[] jpeg = TestImages.faceFrame();
    try (JpegCodec codec = turbo()) {
      Mat planes = new Mat();
      codec.decode(jpeg, jpeg.length, planes, Pixels.I420);
      byte[] again = codec.encode(planes, Pixels.I420, 90);
      Mat before = new Mat();
      Mat after = new Mat();
      codec.decode(jpeg, jpeg.length, before, Pixels.BGR);
      assertEquals(Pixels.BGR, codec.decode(again, again.length, after, Pixels.BGR));
      assertEquals(before.size(), after.size());
      assertTrue(TestImages.meanAbsDiff(before, after) < 2.0, "re-encoded planes changed the picture");
    }
  }

  @Test
  void whatCannotBePlanesComesAsColour() {
    Mat picture = TestImages.decode(TestImages.faceFrame());
    byte[] fullChroma = imencode(picture, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR,
        Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_444);
    byte[] oddHeight = imencode(picture.submat(new Rect(0, 0, 640, 478)));
    try (JpegCodec codec = turbo(); JpegCodec opencv = new OpenCvJpegCodec()) {
      for (byte[] jpeg : List.of(fullChroma, oddHeight)) {
        Mat dst = new Mat();
        assertEquals(Pixels.BGR, codec.decode(jpeg, jpeg.length, dst, Pixels.I420));
        assertEquals(CvType.CV_8UC3, dst.type());
      }
      byte[] jpeg = TestImages.faceFrame();
      Mat dst = new Mat();
      assertEquals(Pixels.BGR, opencv.decode(jpeg, jpeg.length, dst, Pixels.I420), "OpenCV decodes to colour only");
      assertThrows(IllegalArgumentException.class, () -> opencv.encode(new Mat(720, 640, CvType.CV_8UC1),
          Pixels.I420, 80));
    }
  }

  @Test
  void boxesDrawnOnThePlanesComeOutInTheirColour() {
    byte[] jpeg = TestImages.flatFrame();
    try (JpegCodec codec = turbo()) {
      Mat planes = new Mat();
      codec.decode(jpeg, jpeg.length, planes, Pixels.I420);
      Rect box = new Rect(200, 120, 160, 200);
      YuvPlanes.rectangles(planes, List.of(box), GREEN, 2);
      byte[] drawn = codec.encode(planes, Pixels.I420, 90);
      Mat bgr = new Mat();
      codec.decode(drawn, drawn.length, bgr, Pixels.BGR);
      double[] edge = Core.mean(bgr.submat(new Rect(box.x + 20, box.y, box.width - 40, 2))).val;
      assertTrue(edge[1] > 200 && edge[0] < 80 && edge[2] < 80, "the top edge is not green: " + describe(edge));
      double[] inside = Core.mean(bgr.submat(new Rect(box.x + 20, box.y + 20, 40, 40))).val;
      assertTrue(Math.abs(inside[0] - 40) < 4 && Math.abs(inside[1] - 120) < 4 && Math.abs(inside[2] - 200) < 4,
          "the inside changed: " + describe(inside));
    }
  }

  @Test
  void blazeFaceFindsTheSameFaceInThePlanesAsInColour() {
    byte[] jpeg = TestImages.faceFrame();
    try (JpegCodec codec = turbo(); BlazeFaceDetector detector = new BlazeFaceDetector()) {
      Mat planes = new Mat();
      Mat bgr = new Mat();
      codec.decode(jpeg, jpeg.length, planes, Pixels.I420);
      codec.decode(jpeg, jpeg.length, bgr, Pixels.BGR);
      List<Rect> fromPlanes = detector.detectInPlanes(planes, BlazeFaceDetector.DEFAULT_MIN_SCORE);
      List<Rect> fromColour = detector.detect(bgr, BlazeFaceDetector.DEFAULT_MIN_SCORE);
      assertEquals(1, fromColour.size());
      assertEquals(1, fromPlanes.size());
      Rect a = fromColour.get(0);
      Rect b = fromPlanes.get(0);
      assertTrue(Math.abs(a.x - b.x) <= 2 && Math.abs(a.y - b.y) <= 2 && Math.abs(a.width - b.width) <= 2
          && Math.abs(a.height - b.height) <= 2, a + " in colour, " + b + " in the planes");
    }
  }

  private static JpegCodec turbo() {
    assumeTrue(JpegCodecs.turboJpegAvailable(), "libturbojpeg is not installed");
    return new TurboJpegCodec();
  }

  private static Mat half(Mat plane) {
    Mat small = new Mat();
    Imgproc.resize(plane, small, new Size(plane.cols() / 2.0, plane.rows() / 2.0), 0, 0, Imgproc.INTER_AREA);
    return small;
  }

  private static byte[] imencode(Mat image, int... params) {
    MatOfByte out = new MatOfByte();
    Imgcodecs.imencode(".jpg", image, out, new MatOfInt(params));
    return out.toArray();
  }

  private static String describe(double[] bgr) {
    return String.format("BGR %.0f/%.0f/%.0f", bgr[0], bgr[1], bgr[2]);
  }
}
