package dev.livelens.metrics;

import dev.livelens.vision.OpenCvNatives;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** Real JPEG frames made from the test photo, the way a camera page would send them. */
final class TestImages {

  private TestImages() {
  }

  /** The astronaut photo scaled to width x height, as a JPEG of quality 80. */
  static byte[] astronautJpeg(int width, int height) {
    OpenCvNatives.load();
    Mat photo = Imgcodecs.imread(resource("/images/astronaut.png").toString());
    Mat scaled = new Mat();
    MatOfByte jpeg = new MatOfByte();
    try {
      if (photo.empty()) {
        throw new IllegalStateException("cannot read images/astronaut.png");
      }
      Imgproc.resize(photo, scaled, new Size(width, height));
      Imgcodecs.imencode(".jpg", scaled, jpeg, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 80));
      return jpeg.toArray();
    } finally {
      photo.release();
      scaled.release();
      jpeg.release();
    }
  }

  /** The first half of a JPEG: its header reads, its end-of-image marker is missing. */
  static byte[] truncated(byte[] jpeg) {
    return Arrays.copyOf(jpeg, jpeg.length / 2);
  }

  private static Path resource(String name) {
    try {
      return Path.of(TestImages.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
