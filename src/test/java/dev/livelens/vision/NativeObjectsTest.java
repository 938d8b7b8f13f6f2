package dev.livelens.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.livelens.filter.FacesFilter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.objdetect.CascadeClassifier;

/** Native objects freed now, and their finalizers left with nothing to free twice. */
class NativeObjectsTest {

  @BeforeAll
  static void loadOpenCv() {
    OpenCvNatives.load();
  }

  @Test
  void aDeletedMatHasNoHandleLeftAndItsFinalizerIsHarmless() throws Throwable {
    Mat mat = new Mat(480, 640, CvType.CV_8UC3);
    NativeObjects.delete(mat);
    assertEquals(0, mat.nativeObj);
    NativeObjects.delete(mat); // twice is harmless too
    for (int i = 0; i < 10_000; i++) {
      NativeObjects.delete(new Mat(4, 4, CvType.CV_8UC1));
    }
    System.gc();
    System.runFinalization(); // would crash the JVM on a double delete
  }

  @Test
  void aDeletedClassifierHasNoHandleLeft() throws Exception {
    CascadeClassifier classifier = new CascadeClassifier();
    NativeObjects.delete(classifier);
    assertEquals(0, classifier.getNativeObjAddr());
    new FacesFilter().close(); // closes its classifier this way
    System.gc();
    System.runFinalization();
  }
}
