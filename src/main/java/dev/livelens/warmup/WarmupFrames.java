package dev.livelens.warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * The frames the warm-up streams: a few 640x480 JPEGs of the benchmark's fake camera, bundled in the
 * jar, so the warm-up works the codec and filters on real camera-sized pictures without any camera.
 */
final class WarmupFrames {

  private static final List<String> NAMES = List.of(
      "frame-000.jpg", "frame-008.jpg", "frame-016.jpg", "frame-024.jpg", "frame-032.jpg", "frame-040.jpg");

  private final List<byte[]> jpegs;

  private WarmupFrames(List<byte[]> jpegs) {
    this.jpegs = jpegs;
  }

  /** Reads the jar's resources: blocking, so it runs on a worker thread. */
  static WarmupFrames load() {
    List<byte[]> jpegs = new ArrayList<>();
    for (String name : NAMES) {
      try (InputStream in = WarmupFrames.class.getResourceAsStream("/warmup/" + name)) {
        if (in == null) {
          throw new IllegalStateException("warm-up frame /warmup/" + name + " is missing from the jar");
        }
        jpegs.add(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new WarmupFrames(List.copyOf(jpegs));
  }

  /**
   * The same pictures scaled down: they take the same Java path for a fraction of the pixel work, so
   * the per-frame code is run often enough in a few seconds for the JIT's optimising compiler to take
   * it up. Blocking (OpenCV), so it runs on a worker thread.
   */
  WarmupFrames shrunk(int width, int height) {
    List<byte[]> small = new ArrayList<>();
    for (byte[] jpeg : jpegs) {
      MatOfByte in = new MatOfByte(jpeg);
      Mat full = Imgcodecs.imdecode(in, Imgcodecs.IMREAD_COLOR);
      Mat scaled = new Mat();
      MatOfByte out = new MatOfByte();
      try {
        Imgproc.resize(full, scaled, new Size(width, height), 0, 0, Imgproc.INTER_AREA);
        Imgcodecs.imencode(".jpg", scaled, out);
        small.add(out.toArray());
      } finally {
        in.release();
        full.release();
        scaled.release();
        out.release();
      }
    }
    return new WarmupFrames(List.copyOf(small));
  }

  byte[] get(long index) {
    return jpegs.get((int) (index % jpegs.size()));
  }
}
