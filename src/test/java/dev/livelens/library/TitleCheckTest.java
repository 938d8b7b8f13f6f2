package dev.livelens.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Titles the server makes from names it was given: mended, never refused, never invisible. */
class TitleCheckTest {

  @Test
  void directionOverridesAndControlCharactersAreDroppedFromAGivenName() {
    assertEquals("holidaygpj.mp4", TitleCheck.cleaned("holiday\u202Egpj.mp4\u0007", "Untitled video"));
  }

  @Test
  void aNameOfOnlyInvisibleCharactersGetsTheFallback() {
    assertEquals("Untitled video", TitleCheck.cleaned("\u200B\u200D\uFE0F ", "Untitled video"));
    assertEquals("Untitled video", TitleCheck.cleaned(null, "Untitled video"));
  }

  @Test
  void aLongNameIsCutToTheLongestTitle() {
    assertEquals(VideoRoutes.MAX_TITLE, TitleCheck.cleaned("x".repeat(500), "Untitled video").length());
  }
}
