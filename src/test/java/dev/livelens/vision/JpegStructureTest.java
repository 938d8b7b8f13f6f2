package dev.livelens.vision;

import dev.livelens.testing.BadFrames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JpegStructureTest {

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @Test
  void findsMarkers() {
    byte[] jpeg = bytes(0xFF, 0xD8, 0x01, 0x02, 0xFF, 0xD9);
    assertTrue(JpegStructure.startsWithSoi(jpeg, jpeg.length));
    assertTrue(JpegStructure.endsWithEoi(jpeg, jpeg.length));
    JpegStructure.requireComplete(jpeg, jpeg.length);
  }

  @Test
  void allowsZeroPaddingAfterEoiButNothingElse() {
    assertTrue(JpegStructure.endsWithEoi(bytes(0xFF, 0xD8, 0xFF, 0xD9, 0, 0, 0), 7));
    assertFalse(JpegStructure.endsWithEoi(bytes(0xFF, 0xD8, 0xFF, 0xD9, 0x20), 5));
  }

  @Test
  void looksOnlyAtTheGivenLength() {
    byte[] jpeg = bytes(0xFF, 0xD8, 0x01, 0xFF, 0xD9, 0x33);
    assertTrue(JpegStructure.endsWithEoi(jpeg, 5));
    assertFalse(JpegStructure.endsWithEoi(jpeg, 4));
    assertThrows(IndexOutOfBoundsException.class, () -> JpegStructure.endsWithEoi(jpeg, 7));
  }

  @Test
  void countsTheScans() {
    byte[] photo = JpegCodecTest.resource("astronaut-640x480.jpg");
    assertEquals(1, JpegStructure.scanCount(photo, photo.length));
    byte[] manyScans = BadFrames.manyScans(64);
    assertEquals(883, JpegStructure.scanCount(manyScans, manyScans.length));
    BadImageException refused = assertThrows(BadImageException.class,
        () -> JpegStructure.requireDecodable(manyScans, manyScans.length));
    assertTrue(refused.getMessage().contains("at most 20"), refused.getMessage());
    assertEquals(new JpegHeader(640, 480), JpegStructure.requireDecodable(photo, photo.length));
  }

  @Test
  void rejectsShortOrForeignData() {
    assertFalse(JpegStructure.startsWithSoi(new byte[0], 0));
    assertFalse(JpegStructure.endsWithEoi(bytes(0xFF, 0xD9), 2));
    assertFalse(JpegStructure.endsWithEoi(new byte[8], 8));
    BadImageException png = assertThrows(BadImageException.class,
        () -> JpegStructure.requireComplete(bytes(0x89, 'P', 'N', 'G', 0xFF, 0xD9), 6));
    assertTrue(png.getMessage().contains("SOI"));
    BadImageException cut = assertThrows(BadImageException.class,
        () -> JpegStructure.requireComplete(bytes(0xFF, 0xD8, 0xFF, 0xDB, 0x00), 5));
    assertTrue(cut.getMessage().contains("truncated"));
  }
}
