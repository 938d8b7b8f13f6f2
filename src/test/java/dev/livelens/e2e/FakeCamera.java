package dev.livelens.e2e;

import dev.livelens.testing.TestImages;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * A Y4M clip for Chromium's fake camera, made from the real face photo: the frame drifts a few
 * pixels on a closed loop, so the clip repeats without a jump and the video visibly moves.
 */
final class FakeCamera {

  static final int WIDTH = 640;
  static final int HEIGHT = 480;
  static final int FRAMES = 40;
  private static final double DRIFT_PX = 4;
  private static final Path FILE = Path.of("target", "fake-camera", "astronaut-640x480.y4m");

  private FakeCamera() {
  }

  /** The clip, written once per build directory. */
  static synchronized Path y4m() {
    if (!Files.isRegularFile(FILE)) {
      write(FILE);
    }
    return FILE.toAbsolutePath();
  }

  private static void write(Path target) {
    Mat photo = TestImages.decode(TestImages.faceFrame());
    if (photo.cols() != WIDTH || photo.rows() != HEIGHT) {
      throw new IllegalStateException("the face frame is " + photo.cols() + "x" + photo.rows());
    }
    Mat shifted = new Mat();
    Mat yuv = new Mat();
    Mat shift = new Mat(2, 3, CvType.CV_64F);
    byte[] planes = new byte[WIDTH * HEIGHT * 3 / 2];
    try {
      Files.createDirectories(target.getParent());
      Path partial = Files.createTempFile(target.getParent(), "camera", ".part");
      try (OutputStream out = Files.newOutputStream(partial)) {
        out.write(ascii("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F30:1 Ip A1:1 C420jpeg\n"));
        for (int i = 0; i < FRAMES; i++) {
          double phase = 2 * Math.PI * i / FRAMES;
          shift.put(0, 0, 1, 0, Math.round(DRIFT_PX * Math.sin(phase)), 0, 1, Math.round(DRIFT_PX * Math.cos(phase)));
          Imgproc.warpAffine(photo, shifted, shift, photo.size(), Imgproc.INTER_NEAREST, Core.BORDER_REPLICATE);
          // I420: the Y plane, then U and V at quarter size, exactly the layout Y4M C420 expects.
          Imgproc.cvtColor(shifted, yuv, Imgproc.COLOR_BGR2YUV_I420);
          yuv.get(0, 0, planes);
          out.write(ascii("FRAME\n"));
          out.write(planes);
        }
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      photo.release();
      shifted.release();
      yuv.release();
      shift.release();
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
