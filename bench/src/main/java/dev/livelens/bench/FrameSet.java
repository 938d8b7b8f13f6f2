package dev.livelens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The JPEG frames every stream sends in a loop, read once from a folder (sorted by name). */
record FrameSet(List<byte[]> jpegs) {

  static FrameSet load(Path dir) throws IOException {
    List<byte[]> jpegs = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.toString().toLowerCase().endsWith(".jpg")).sorted().toList()) {
        jpegs.add(Files.readAllBytes(file));
      }
    }
    if (jpegs.isEmpty()) {
      throw new IOException("no .jpg frames in " + dir);
    }
    return new FrameSet(List.copyOf(jpegs));
  }

  byte[] get(long index) {
    return jpegs.get((int) (index % jpegs.size()));
  }

  int size() {
    return jpegs.size();
  }

  long averageBytes() {
    return jpegs.stream().mapToLong(j -> j.length).sum() / jpegs.size();
  }
}
