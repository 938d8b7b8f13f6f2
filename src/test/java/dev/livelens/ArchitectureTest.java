package dev.livelens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
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

  @Test
  void noPackageCycle() throws IOException {
    Map<String, Set<String>> uses = packageUses();
    List<String> cycles = new ArrayList<>();
    for (String from : uses.keySet()) {
      for (String to : uses.get(from)) {
        if (!to.equals(from) && reaches(uses, to, from, new HashSet<>())) {
          cycles.add(from + " -> " + to + " -> ... -> " + from);
        }
      }
    }
    assertEquals(List.of(), cycles, "package cycles");
  }

  @Test
  void theHttpEdgeKnowsNoFeature() throws IOException {
    Set<String> used = packageUses().get("http");
    assertEquals(Set.of("config", "web"), used, "http may use only the toolbox and the configuration");
  }

  /** Each package of dev.livelens (sub-packages apart) and the packages its classes name. */
  private static Map<String, Set<String>> packageUses() throws IOException {
    Pattern reference = Pattern.compile("\\bdev\\.livelens\\.((?:[a-z]+\\.)*)[A-Z]");
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String from = packageOf(MAIN.relativize(file.getParent()).toString().replace('/', '.'));
        Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
        Matcher matcher = reference.matcher(Files.readString(file));
        while (matcher.find()) {
          String to = packageOf(matcher.group(1).replaceAll("\\.$", ""));
          if (!to.equals(from)) {
            targets.add(to);
          }
        }
      }
    }
    return uses;
  }

  private static String packageOf(String relative) {
    return relative.isEmpty() ? "(root)" : relative;
  }

  private static boolean reaches(Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
    if (from.equals(target)) {
      return true;
    }
    if (!seen.add(from)) {
      return false;
    }
    for (String next : uses.getOrDefault(from, Set.of())) {
      if (reaches(uses, next, target, seen)) {
        return true;
      }
    }
    return false;
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream().map(line -> file.getFileName() + ": " + line);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
