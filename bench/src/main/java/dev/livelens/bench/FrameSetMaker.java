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
import org.opencv.core.Rect;
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

  /** @param size WIDTHxHEIGHT the frames are scaled to after framing (small frames make the per-message cost show) */
  static void make(Path source, Path outDir, int count, String size) throws IOException {
    String[] sides = size.split("x");
    Size scaled = new Size(Integer.parseInt(sides[0]), Integer.parseInt(sides[1]));
    OpenCvNatives.load();
    Mat photo = Imgcodecs.imread(source.toString(), Imgcodecs.IMREAD_COLOR);
    if (photo.empty()) {
      throw new IOException("cannot read " + source);
    }
    Files.createDirectories(outDir);
    Mat frame = new Mat();
    Mat small = new Mat();
    try (JpegCodec codec = JpegCodecs.best().get()) {
      for (int i = 0; i < count; i++) {
        frame(photo, i, count, frame);
        Mat out = frame;
        if (scaled.width != WIDTH || scaled.height != HEIGHT) {
          Imgproc.resize(frame, small, scaled, 0, 0, Imgproc.INTER_AREA);
          out = small;
        }
        Files.write(outDir.resolve(String.format("frame-%03d.jpg", i)), codec.encode(out, QUALITY));
      }
    } finally {
      photo.release();
      frame.release();
      small.release();
    }
  }

  /** Frame {@code i} of {@code count}: the photo framed at 640x480, moved, zoomed and re-lit. */
  static void frame(Mat photo, int i, int count, Mat dst) {
    Mat framed = new Mat();
    Mat transform = transform(photo.size(), i, count);
    try {
      Imgproc.warpAffine(photo, framed, transform, new Size(WIDTH, HEIGHT), Imgproc.INTER_LINEAR,
          Core.BORDER_REFLECT, new Scalar(0));
      double t = 2 * Math.PI * i / count;
      double gain = 1.0 + 0.12 * Math.sin(3 * t);
      double offset = 10 * Math.cos(t);
      framed.convertTo(dst, -1, gain, offset);
    } finally {
      framed.release();
      transform.release();
    }
  }

  /** Where a box of the photo lands in frame {@code i}. */
  static Rect place(Rect inPhoto, Size photo, int i, int count) {
    double[] m = new double[6];
    Mat transform = transform(photo, i, count);
    transform.get(0, 0, m);
    transform.release();
    return new Rect((int) Math.round(m[0] * inPhoto.x + m[2]), (int) Math.round(m[4] * inPhoto.y + m[5]),
        (int) Math.round(m[0] * inPhoto.width), (int) Math.round(m[4] * inPhoto.height));
  }

  /** The photo is scaled to fill the width; the window drifts and zooms around the face. */
  private static Mat transform(Size photo, int i, int count) {
    double t = 2 * Math.PI * i / count;
    double scale = WIDTH / photo.width * (1.0 + 0.06 * Math.sin(t));
    double dx = 24 * Math.sin(t);
    double dy = -40 + 18 * Math.sin(2 * t);
    Mat transform = new Mat(2, 3, CvType.CV_64F);
    transform.put(0, 0, scale, 0, dx, 0, scale, dy);
    return transform;
  }
}
