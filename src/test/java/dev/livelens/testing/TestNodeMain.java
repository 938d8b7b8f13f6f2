package dev.livelens.testing;

import dev.livelens.Main;

/** A node in a JVM of its own, as {@code java -jar} runs it, with the test filters beside the standard ones. */
public final class TestNodeMain {

  private TestNodeMain() {
  }

  public static void main(String[] args) {
    Main.run(args, PacedFilter.catalog());
  }
}
