package dev.livelens.filter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.TestImages;
import dev.livelens.vision.OpenCvNatives;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * blur-background and replace-background on the webcam-sized astronaut photo: the person's face and suit
 * keep their detail (variance of the Laplacian), the background behind her loses it.
 */
class BackgroundFilterTest {

  private static final Rect FACE = new Rect(235, 100, 90, 100);
  /** Eyes, nose and mouth: well inside the person, so left exactly as they were. */
  private static final Rect INNER_FACE = new Rect(250, 120, 60, 70);
  private static final Rect SUIT = new Rect(300, 380, 100, 90);
  /** Behind her, left and right of her hair. */
  private static final Rect LEFT_BACKGROUND = new Rect(10, 10, 150, 150);
  private static final Rect RIGHT_BACKGROUND = new Rect(450, 10, 180, 150);

  @BeforeAll
  static void loadOpenCv() {
    OpenCvNatives.load();
  }

  @ParameterizedTest
  @ValueSource(strings = {"blur-background", "replace-background"})
  void thePersonKeepsItsDetailAndTheBackgroundLosesIt(String name) {
    Mat frame = TestImages.decode(TestImages.faceFrame());
    Mat original = frame.clone();
    try (BackgroundFilter filter = new BackgroundFilter(
        name.equals("blur-background") ? BackgroundFilter.BLUR : BackgroundFilter.REPLACE)) {
      Mat out = filter.apply(frame, filter.spec().resolve(new JsonObject()), new JsonObject(), new JsonObject());
      for (Rect person : new Rect[] {FACE, SUIT}) {
        double before = HideFacesTest.sharpness(original, person);
        double after = HideFacesTest.sharpness(out, person);
        assertTrue(after > 0.9 * before, name + ": person at " + person + " " + before + " -> " + after);
      }
      for (Rect background : new Rect[] {LEFT_BACKGROUND, RIGHT_BACKGROUND}) {
        double before = HideFacesTest.sharpness(original, background);
        double after = HideFacesTest.sharpness(out, background);
        assertTrue(after < 0.2 * before, name + ": background at " + background + " " + before + " -> " + after);
      }
      Mat difference = new Mat();
      Core.absdiff(original.submat(INNER_FACE), out.submat(INNER_FACE), difference);
      double changed = Core.norm(difference, Core.NORM_INF);
      assertTrue(changed <= 2, name + ": the face's pixels changed by up to " + changed);
      difference.release();
    } finally {
      frame.release();
      original.release();
    }
  }

  /**
   * The same picture with fresh camera noise on every frame: with the stream's previous masks blended in,
   * fewer pixels flip between person and the replaced colour from one frame to the next than without.
   */
  @Test
  void theOutlineFlickersLessWithTheStreamsPreviousMasks() {
    double steady = flippedPixels(0.6);
    double raw = flippedPixels(0);
    assertTrue(steady < 0.8 * raw, "pixels flipped: " + steady + " with the previous masks, " + raw + " without");
  }

  private static double flippedPixels(double steadiness) {
    Mat clean = TestImages.decode(TestImages.faceFrame());
    Mat noisy = new Mat();
    Mat noise = new Mat(clean.size(), CvType.CV_16SC3);
    Mat everywhere = new Mat();
    Mat previous = new Mat();
    Mat difference = new Mat();
    Mat gray = new Mat();
    MaskHistory history = new MaskHistory();
    double flipped = 0;
    Core.setRNGSeed(7);
    try (BackgroundFilter filter = BackgroundFilter.replace()) {
      JsonObject params = filter.spec().resolve(new JsonObject().put("steadiness", steadiness));
      for (int i = 0; i < 12; i++) {
        Core.randn(noise, 0, 12);
        Core.add(clean, noise, noisy, everywhere, CvType.CV_8UC3);
        JsonObject state = history.next(params);
        JsonObject report = new JsonObject();
        Mat out = filter.apply(noisy, params, state, report);
        history.learn(state, report);
        // Background: the replaced colour, give or take the feathered edge's blend.
        Core.inRange(out, new Scalar(60, 130, 0), new Scalar(100, 190, 30), gray);
        if (i > 1) {
          Core.bitwise_xor(gray, previous, difference);
          flipped += Core.countNonZero(difference);
        }
        gray.copyTo(previous);
      }
    } finally {
      for (Mat m : new Mat[] {clean, noisy, noise, everywhere, previous, difference, gray}) {
        m.release();
      }
    }
    return flipped;
  }
}
