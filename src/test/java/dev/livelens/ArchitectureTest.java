package dev.livelens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Rules of the layout that a change could break without any behaviour test noticing. */
class ArchitectureTest {

  private static final Path MAIN = Path.of("src/main/java/dev/livelens");

  @Test
  void theStreamPackageKnowsNothingOfWhatAFilterCarries() throws IOException {
    Pattern filterSpecific = Pattern.compile("(?i)\\bfaces?\\b|FaceTracking|detect|boxes");
    try (Stream<Path> files = Files.list(MAIN.resolve("stream"))) {
      List<String> mentions = files.flatMap(ArchitectureTest::lines)
          .filter(line -> filterSpecific.matcher(line).find()).toList();
      assertEquals(List.of(), mentions);
    }
  }

  @Test
  void noClassIsOver250Lines() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      List<String> long_ = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> lines(p).count() > 250).map(Path::toString).toList();
      assertEquals(List.of(), long_);
    }
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream().map(line -> file.getFileName() + ": " + line);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
