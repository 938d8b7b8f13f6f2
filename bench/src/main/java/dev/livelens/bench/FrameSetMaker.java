package dev.livelens.bench;

import dev.livelens.vision.JpegCodec;
import dev.livelens.vision.JpegCodecs;
import dev.livelens.vision.OpenCvNatives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Makes the benchmark's fake camera: one photo with a face, framed at 640x480 and moved, zoomed and
 * re-lit a little from frame to frame, so the JPEGs differ like a real webcam's do. The frames in
 * bench/frames were made with {@code frames --source ../shared/assets/faces/astronaut.png}.
 */
final class FrameSetMaker {

  static final int WIDTH = 640;
  static final int HEIGHT = 480;
  static final int QUALITY = 80;

  private FrameSetMaker() {
  }

  static void make(Path source, Path outDir, int count) throws IOException {
    OpenCvNatives.load();
    Mat photo = Imgcodecs.imread(source.toString(), Imgcodecs.IMREAD_COLOR);
    if (photo.empty()) {
      throw new IOException("cannot read " + source);
    }
    Files.createDirectories(outDir);
    Mat framed = new Mat();
    Mat lit = new Mat();
    Mat transform = new Mat(2, 3, CvType.CV_64F);
    try (JpegCodec codec = JpegCodecs.best().get()) {
      for (int i = 0; i < count; i++) {
        double t = 2 * Math.PI * i / count;
        // The photo is scaled to fill the width; the window drifts and zooms around the face.
        double scale = WIDTH / (double) photo.cols() * (1.0 + 0.06 * Math.sin(t));
        double dx = 24 * Math.sin(t);
        double dy = -40 + 18 * Math.sin(2 * t);
        transform.put(0, 0, scale, 0, dx, 0, scale, dy);
        Imgproc.warpAffine(photo, framed, transform, new Size(WIDTH, HEIGHT), Imgproc.INTER_LINEAR,
            Core.BORDER_REFLECT, new Scalar(0));
        double gain = 1.0 + 0.12 * Math.sin(3 * t);
        double offset = 10 * Math.cos(t);
        framed.convertTo(lit, -1, gain, offset);
        Files.write(outDir.resolve(String.format("frame-%03d.jpg", i)), codec.encode(lit, QUALITY));
      }
    } finally {
      photo.release();
      framed.release();
      lit.release();
      transform.release();
    }
  }
}
