package dev.livelens.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Needs no OpenCV natives: choosing a codec must not touch pixels. */
class JpegCodecsTest {

  @Test
  void bestMatchesWhatIsInstalled() {
    String expected = JpegCodecs.turboJpegAvailable() ? "turbojpeg" : "opencv";
    assertEquals(expected, JpegCodecs.bestName());
    try (JpegCodec codec = JpegCodecs.best().get()) {
      assertEquals(expected, codec.name());
    }
  }

  @Test
  void opencvCanAlwaysBeForced() {
    try (JpegCodec codec = JpegCodecs.select(" OpenCV ").get()) {
      assertEquals("opencv", codec.name());
    }
  }

  @Test
  void autoIsTheDefault() {
    try (JpegCodec codec = JpegCodecs.select(null).get()) {
      assertEquals(JpegCodecs.bestName(), codec.name());
    }
  }

  @Test
  void turbojpegIsSuppliedOrRefusedClearly() {
    if (JpegCodecs.turboJpegAvailable()) {
      try (JpegCodec codec = JpegCodecs.select("turbojpeg").get()) {
        assertEquals("turbojpeg", codec.name());
      }
    } else {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> JpegCodecs.select("turbojpeg"));
      assertTrue(e.getMessage().contains("libturbojpeg0"), e.getMessage());
    }
  }

  @Test
  void unknownPreferenceIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> JpegCodecs.select("libpng"));
  }
}
