package dev.livelens.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.livelens.testing.BadFrames;
import dev.livelens.testing.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** TurboJPEG's grey in the DCT domain: the luminance the pixel path would decode, without decoding. */
class LosslessGrayTest {

  private static final byte[] PHOTO = TestImages.faceFrame();

  @BeforeAll
  static void needsTurboJpeg() {
    OpenCvNatives.load();
    assumeTrue(JpegCodecs.turboJpegAvailable(), "libturbojpeg is not installed");
  }

  @Test
  void greyJpegHoldsExactlyTheLuminanceOfTheColourOne() {
    try (JpegCodec codec = new TurboJpegCodec()) {
      byte[] grey = codec.grayscale(PHOTO, PHOTO.length, JpegStructure.requireDecodable(PHOTO, PHOTO.length));
      Mat fromGrey = new Mat();
      Mat luminance = new Mat();
      Mat difference = new Mat();
      try {
        codec.decode(grey, grey.length, fromGrey, JpegCodec.Pixels.BGR);
        assertEquals(CvType.CV_8UC3, fromGrey.type());
        codec.decode(grey, grey.length, fromGrey, JpegCodec.Pixels.GRAY);
        codec.decode(PHOTO, PHOTO.length, luminance, JpegCodec.Pixels.GRAY);
        Core.absdiff(fromGrey, luminance, difference);
        assertEquals(0, Core.minMaxLoc(difference).maxVal, "the same coefficients decode to the same pixels");
        assertTrue(grey.length < PHOTO.length, grey.length + " bytes, from " + PHOTO.length);
      } finally {
        fromGrey.release();
        luminance.release();
        difference.release();
      }
    }
  }

  @Test
  void corruptScanIsRefusedAndTheNextFrameStillWorks() {
    byte[] forged = BadFrames.cutScanEndingWithEoi(PHOTO);
    try (JpegCodec codec = new TurboJpegCodec()) {
      JpegHeader header = JpegStructure.requireDecodable(forged, forged.length);
      BadImageException e = assertThrows(BadImageException.class,
          () -> codec.grayscale(forged, forged.length, header));
      assertTrue(e.getMessage().startsWith("corrupt JPEG"), e.getMessage());
      byte[] grey = codec.grayscale(PHOTO, PHOTO.length, JpegStructure.requireDecodable(PHOTO, PHOTO.length));
      assertTrue(grey.length > 1000);
    }
  }

  /**
   * An Adobe marker with transform 0 in place of the JFIF one makes the same bytes an RGB JPEG: no
   * luminance plane to keep.
   */
  @Test
  void jpegWithoutLuminanceIsLeftToThePixelPath() {
    assertEquals(0xE0, PHOTO[3] & 0xFF, "the photo starts with its JFIF segment");
    int jfifEnd = 4 + ((PHOTO[4] & 0xFF) << 8 | (PHOTO[5] & 0xFF));
    byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
    byte[] rgb = new byte[2 + adobe.length + PHOTO.length - jfifEnd];
    System.arraycopy(PHOTO, 0, rgb, 0, 2);
    System.arraycopy(adobe, 0, rgb, 2, adobe.length);
    System.arraycopy(PHOTO, jfifEnd, rgb, 2 + adobe.length, PHOTO.length - jfifEnd);
    try (JpegCodec codec = new TurboJpegCodec()) {
      byte[] grey = codec.grayscale(rgb, rgb.length, JpegStructure.requireDecodable(rgb, rgb.length));
      assertTrue(grey == null, "an RGB JPEG is not transformed");
    }
  }
}
