package dev.livelens.warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

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

  byte[] get(long index) {
    return jpegs.get((int) (index % jpegs.size()));
  }
}
