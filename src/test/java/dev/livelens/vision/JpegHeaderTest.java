package dev.livelens.vision;

import dev.livelens.testing.BadFrames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JpegHeaderTest {

  private static final byte[] PHOTO = JpegCodecTest.resource("astronaut-640x480.jpg");

  @Test
  void readsTheFrameSizeWithoutDecoding() {
    assertEquals(new JpegHeader(640, 480), JpegHeader.read(PHOTO, 0, PHOTO.length));
    byte[] forged = JpegCodecTest.withFrameSize(PHOTO, 30000, 20000);
    assertEquals(30000L * 20000, JpegHeader.read(forged, 0, forged.length).pixels());
  }

  @Test
  void readsTheSameFromAnArrayOffsetAndFromAnAccessor() {
    byte[] padded = new byte[PHOTO.length + 7];
    System.arraycopy(PHOTO, 0, padded, 7, PHOTO.length);
    assertEquals(new JpegHeader(640, 480), JpegHeader.read(padded, 7, PHOTO.length));
    assertEquals(new JpegHeader(640, 480), JpegHeader.read(i -> PHOTO[i] & 0xFF, PHOTO.length));
  }

  @Test
  void refusesBytesWithoutAFrameHeader() {
    BadImageException cut = assertThrows(BadImageException.class, () -> JpegHeader.read(PHOTO, 0, 30));
    assertTrue(cut.getMessage().contains("no frame size"), cut.getMessage());
    byte[] soiEoi = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
    assertThrows(BadImageException.class, () -> JpegHeader.read(soiEoi, 0, 4));
    byte[] noMarker = {(byte) 0xFF, (byte) 0xD8, 0x12, 0x34, 0x56, 0x78};
    BadImageException broken = assertThrows(BadImageException.class, () -> JpegHeader.read(noMarker, 0, 6));
    assertTrue(broken.getMessage().contains("expected a marker at byte 2"), broken.getMessage());
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A};
    assertThrows(BadImageException.class, () -> JpegHeader.read(png, 0, png.length));
  }

  @Test
  void refusesStuffedAndReservedMarkersWhereLibjpegWouldSkipBytes() {
    byte[] hidden = BadFrames.withHiddenFrameHeader(PHOTO, 8000, 6000);
    BadImageException refused = assertThrows(BadImageException.class, () -> JpegHeader.read(hidden, 0, hidden.length));
    assertTrue(refused.getMessage().contains("invalid marker 0x0 at byte 2"), refused.getMessage());
    byte[] reserved = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x42, 0x00, 0x02, (byte) 0xFF, (byte) 0xD9};
    assertThrows(BadImageException.class, () -> JpegHeader.read(reserved, 0, reserved.length));
  }

  @Test
  void staysInsideTheGivenRange() {
    assertThrows(IndexOutOfBoundsException.class, () -> JpegHeader.read(PHOTO, 10, PHOTO.length));
  }
}
