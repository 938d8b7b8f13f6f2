package dev.livelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rule of docs/architecture.md, "Blocking work: ordered or not": every {@code executeBlocking} says
 * {@code false}. An ordered one (the default) would queue behind all the ordered work of the calling event
 * loop, whatever its pool; work that has an order of its own keeps it itself (a recording chains its frames).
 */
class BlockingWorkTest {

  private static final Path MAIN = Path.of("src/main/java/dev/livelens");
  private static final String CALL = "executeBlocking(";

  @Test
  void noBlockingWorkIsOrderedOnItsEventLoop() throws IOException {
    List<String> ordered = new ArrayList<>();
    int calls = 0;
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String source = read(file);
        for (int at = source.indexOf(CALL); at >= 0; at = source.indexOf(CALL, at + 1)) {
          calls++;
          String arguments = arguments(source, at + CALL.length());
          if (!arguments.replaceAll("\\s+", " ").endsWith(", false")) {
            ordered.add(file.getFileName() + ": " + arguments.lines().findFirst().orElse("").strip());
          }
        }
      }
    }
    assertTrue(calls > 10, "the scan found the calls: " + calls);
    assertEquals(List.of(), ordered);
  }

  /** The text between the call's parentheses, skipping string and character literals. */
  private static String arguments(String source, int start) {
    int depth = 1;
    for (int i = start; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '"' || c == '\'') {
        i = endOfLiteral(source, i, c);
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return source.substring(start, i);
      }
    }
    throw new IllegalStateException("unbalanced call at " + start);
  }

  private static int endOfLiteral(String source, int open, char quote) {
    for (int i = open + 1; i < source.length(); i++) {
      if (source.charAt(i) == '\\') {
        i++;
      } else if (source.charAt(i) == quote) {
        return i;
      }
    }
    return source.length();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
