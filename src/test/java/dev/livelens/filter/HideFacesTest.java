package dev.livelens.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.TestImages;
import dev.livelens.vision.BlazeFaceDetector;
import dev.livelens.vision.FaceDetector;
import dev.livelens.vision.OpenCvNatives;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * pixelate-faces and blur-faces on the webcam-sized astronaut photo: the face's detail (variance of the
 * Laplacian) destroyed, the rest of the frame's kept; and when detection fails, more hidden, not less.
 */
class HideFacesTest {

  /** The astronaut's face in the 640x480 frame, and a patch of detailed background (the flag and suit). */
  private static final Rect FACE = new Rect(235, 100, 90, 100);
  private static final Rect BACKGROUND = new Rect(20, 300, 160, 160);
  /** The face's variance of the Laplacian in the unfiltered frame is about 345. */
  private static final double FACE_DETAIL = 345;
  /** Hidden: under this share of the detail is left. */
  private static final double HIDDEN = 0.05;

  @BeforeAll
  static void loadOpenCv() {
    OpenCvNatives.load();
  }

  @ParameterizedTest
  @ValueSource(strings = {"pixelate-faces", "blur-faces"})
  void theFacesDetailIsDestroyedAndTheBackgroundsKept(String name) {
    Mat frame = TestImages.decode(TestImages.faceFrame());
    double faceBefore = sharpness(frame, FACE);
    double backgroundBefore = sharpness(frame, BACKGROUND);
    try (HideFacesFilter filter = filter(name, new BlazeFaceDetector())) {
      JsonObject report = new JsonObject();
      Mat out = filter.apply(frame, filter.spec().resolve(new JsonObject()), new JsonObject(), report);
      assertEquals(1, report.getJsonArray("faces").size(), report.encode());
      double face = sharpness(out, FACE);
      assertTrue(face < HIDDEN * faceBefore, name + ": face sharpness " + faceBefore + " -> " + face);
      assertEquals(backgroundBefore, sharpness(out, BACKGROUND), 1e-6, "the background is untouched");
    } finally {
      frame.release();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"pixelate-faces", "blur-faces"})
  void whenDetectionFailsWithNothingKnownTheWholeFrameIsHidden(String name) {
    Mat frame = TestImages.decode(TestImages.faceFrame());
    double backgroundBefore = sharpness(frame, BACKGROUND);
    try (HideFacesFilter filter = filter(name, failing())) {
      JsonObject report = new JsonObject();
      filter.apply(frame, filter.spec().resolve(new JsonObject()), new JsonObject(), report);
      assertTrue(sharpness(frame, FACE) < HIDDEN * FACE_DETAIL, "face hidden");
      assertTrue(sharpness(frame, BACKGROUND) < 0.1 * backgroundBefore, "everything hidden");
      assertTrue(report.getBoolean("detectionFailed"), report.encode());
    } finally {
      frame.release();
    }
  }

  @Test
  void whenDetectionFailsTheLastFacesAreHiddenGrown() {
    Mat frame = TestImages.decode(TestImages.faceFrame());
    double backgroundBefore = sharpness(frame, BACKGROUND);
    // The previous frame's face was a little left of where it is now: the larger margin still covers it.
    JsonObject state = new JsonObject().put("boxes", FaceBoxes.toJson(List.of(new Rect(215, 95, 110, 110))))
        .put("age", 1);
    try (HideFacesFilter filter = filter("pixelate-faces", failing())) {
      filter.apply(frame, filter.spec().resolve(new JsonObject()), state, new JsonObject());
      assertTrue(sharpness(frame, FACE) < HIDDEN * FACE_DETAIL, "face hidden: " + sharpness(frame, FACE));
      assertEquals(backgroundBefore, sharpness(frame, BACKGROUND), 1e-6, "only the faces hidden");
    } finally {
      frame.release();
    }
  }

  @Test
  void aFaceTheDetectorMissesForAFrameStaysHidden() {
    Mat frame = TestImages.decode(TestImages.faceFrame());
    JsonObject state = new JsonObject().put("boxes", FaceBoxes.toJson(List.of(new Rect(225, 95, 110, 110))))
        .put("age", HideFacesFilter.HOLD_FRAMES);
    try (HideFacesFilter filter = filter("pixelate-faces", (bgr, minScore) -> List.of())) {
      filter.apply(frame, filter.spec().resolve(new JsonObject()), state, new JsonObject());
      assertTrue(sharpness(frame, FACE) < HIDDEN * FACE_DETAIL, "face hidden: " + sharpness(frame, FACE));
    } finally {
      frame.release();
    }
  }

  /** A face about 52 px across (some two metres from a webcam): one pass of BlazeFace misses it, the tiles do not. */
  @Test
  void aFaceTooSmallForOnePassIsStillHidden() {
    Mat photo = TestImages.decode(TestImages.resource("astronaut.png"));
    Mat small = new Mat();
    Imgproc.resize(photo, small, new Size(282, 282), 0, 0, Imgproc.INTER_AREA);
    Mat frame = new Mat(480, 640, CvType.CV_8UC3, new Scalar(96, 96, 96));
    // The face (about x 97..150, y 37..90 of the scaled photo) lands around (320, 240).
    small.copyTo(frame.submat(new Rect(196, 177, 282, 282)));
    Rect face = new Rect(300, 220, 40, 40);
    double before = sharpness(frame, face);
    try (HideFacesFilter filter = filter("pixelate-faces", new BlazeFaceDetector())) {
      JsonObject report = new JsonObject();
      filter.apply(frame, filter.spec().resolve(new JsonObject()), new JsonObject(), report);
      assertEquals(1, report.getJsonArray("faces").size(), report.encode());
      // Ten-pixel blocks over a 52 px face: what detail is left is mostly the blocks' own edges.
      assertTrue(sharpness(frame, face) < 0.2 * before, "face " + before + " -> " + sharpness(frame, face));
    } finally {
      photo.release();
      small.release();
      frame.release();
    }
  }

  private static HideFacesFilter filter(String name, FaceDetector detector) {
    return new HideFacesFilter(name.equals("blur-faces") ? HideFacesFilter.BLUR : HideFacesFilter.PIXELATE, detector);
  }

  private static FaceDetector failing() {
    return new FaceDetector() {
      @Override
      public List<Rect> detect(Mat bgr, double minScore) {
        throw new IllegalStateException("the network failed");
      }

      @Override
      public void close() {
      }
    };
  }

  /** Variance of the Laplacian of a region's luminance: how much fine detail it has. */
  static double sharpness(Mat bgr, Rect region) {
    return TestImages.sharpness(bgr, region);
  }
}
