package dev.livelens.vision;

import dev.livelens.testing.BadFrames;
import dev.livelens.testing.TestImages;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** Runs every codec through the same checks; TurboJPEG is skipped only where libturbojpeg is absent. */
class JpegCodecTest {

  private static byte[] astronautJpeg;

  @BeforeAll
  static void loadOpenCv() {
    OpenCvNatives.load();
    astronautJpeg = resource("astronaut-640x480.jpg");
  }

  @ParameterizedTest
  @ValueSource(strings = {"opencv", "turbojpeg"})
  void decodesPhotoLikeOpenCv(String name) {
    try (JpegCodec codec = codec(name)) {
      Mat dst = new Mat();
      codec.decode(astronautJpeg, astronautJpeg.length, dst);

      assertEquals(new Size(640, 480), dst.size());
      assertEquals(CvType.CV_8UC3, dst.type());
      Mat reference = Imgcodecs.imdecode(new MatOfByte(astronautJpeg), Imgcodecs.IMREAD_COLOR);
      assertTrue(TestImages.meanAbsDiff(dst, reference) < 1.0, "differs from OpenCV's own decode");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"opencv", "turbojpeg"})
  void decodesLuminanceOnlyAsTheGreyOfTheColourDecode(String name) {
    try (JpegCodec codec = codec(name)) {
      Mat colour = new Mat();
      Mat gray = new Mat();
      codec.decode(astronautJpeg, astronautJpeg.length, colour, JpegCodec.Pixels.BGR);
      codec.decode(astronautJpeg, astronautJpeg.length, gray, JpegCodec.Pixels.GRAY);

      assertEquals(new Size(640, 480), gray.size());
      assertEquals(CvType.CV_8UC1, gray.type());
      Mat converted = new Mat();
      Imgproc.cvtColor(colour, converted, Imgproc.COLOR_BGR2GRAY);
      assertTrue(TestImages.meanAbsDiff(gray, converted) < 1.5, "luminance differs from the converted colour decode");

      // The same Mat takes the other kind next: it is reallocated, not misread.
      codec.decode(astronautJpeg, astronautJpeg.length, gray, JpegCodec.Pixels.BGR);
      assertEquals(CvType.CV_8UC3, gray.type());
      assertTrue(TestImages.meanAbsDiff(gray, colour) < 0.01);
      colour.release();
      gray.release();
      converted.release();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"opencv", "turbojpeg"})
  void decodesPngPhotoConvertedToJpeg(String name) {
    Mat photo = pngResource("coffee.png");
    byte[] jpeg = imencode(photo, 85);
    try (JpegCodec codec = codec(name)) {
      Mat dst = new Mat();
      codec.decode(jpeg, jpeg.length, dst);

      assertEquals(photo.size(), dst.size());
      assertTrue(TestImages.meanAbsDiff(dst, photo) < 4.0, "too far from the original photo");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"opencv", "turbojpeg"})
  void roundTripKeepsSizeAndPixels(String name) {
    Mat image = drawing(640, 480);
    try (JpegCodec codec = codec(name)) {
      byte[] jpeg = codec.encode(image, 90);
      assertTrue(JpegStructure.startsWithSoi(jpeg, jpeg.length));
      assertTrue(JpegStructure.endsWithEoi(jpeg, jpeg.length));

      Mat decoded = new Mat();
      codec.decode(jpeg, jpeg.length, decoded);
      assertEquals(image.size(), decoded.size());
      assertEquals(CvType.CV_8UC3, decoded.type());
      assertTrue(TestImages.meanAbsDiff(decoded, image) < 3.0, "round trip lost too much");
      // Anyone else's decoder reads it too.
      Mat reference = Imgcodecs.imdecode(new MatOfByte(jpeg), Imgcodecs.IMREAD_COLOR);
      assertTrue(TestImages.meanAbsDiff(reference, image) < 3.0);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"opencv", "turbojpeg"})
  void lowerQualityGivesSmallerFile(String name) {
    Mat photo = pngResource("astronaut.png");
    try (JpegCodec codec = codec(name)) {
      assertTrue(codec.encode(photo, 30).length < codec.encode(photo, 90).length);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"opencv", "turbojpeg"})
  void greyImageEncodesToOneChannelJpeg(String name) {
    Mat grey = new Mat();
    Imgproc.cvtColor(drawing(320, 240), grey, Imgproc.COLOR_BGR2GRAY);
    try (JpegCodec codec = codec(name)) {
      byte[] jpeg = codec.encode(grey, 90);

      Mat asStored = Imgcodecs.imdecode(new MatOfByte(jpeg), Imgcodecs.IMREAD_UNCHANGED);
      assertEquals(1, asStored.channels());
      assertEquals(grey.size(), asStored.size());
      assertTrue(TestImages.meanAbsDiff(asStored, grey) < 3.0);

      // Decoding always gives BGR, with equal channels for a grey picture.
      Mat decoded = new Mat();
      codec.decode(jpeg, jpeg.length, decoded);
      assertEquals(CvType.CV_8UC3, decoded.type());
      Mat backToGrey = new Mat();
      Imgproc.cvtColor(decoded, backToGrey, Imgproc.COLOR_BGR2GRAY);
      assertTrue(TestImages.meanAbsDiff(backToGrey, asStored) < 1.0);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"opencv", "turbojpeg"})
  void encodesNonContinuousSubmatrix(String name) {
    Mat big = drawing(800, 600);
    Mat roi = big.submat(new Rect(40, 30, 640, 480));
    assertTrue(!roi.isContinuous());
    try (JpegCodec codec = codec(name)) {
      byte[] jpeg = codec.encode(roi, 90);

      Mat decoded = Imgcodecs.imdecode(new MatOfByte(jpeg), Imgcodecs.IMREAD_COLOR);
      assertEquals(roi.size(), decoded.size());
      assertTrue(TestImages.meanAbsDiff(decoded, roi.clone()) < 3.0);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"opencv", "turbojpeg"})
  void decodesIntoSubmatrixOfTheRightSizeInPlace(String name) {
    Mat big = new Mat(600, 800, CvType.CV_8UC3, Scalar.all(7));
    Mat roi = big.submat(new Rect(40, 30, 640, 480));
    try (JpegCodec codec = codec(name)) {
      codec.decode(astronautJpeg, astronautJpeg.length, roi);

      Mat reference = Imgcodecs.imdecode(new MatOfByte(astronautJpeg), Imgcodecs.IMREAD_COLOR);
      assertTrue(TestImages.meanAbsDiff(big.submat(new Rect(40, 30, 640, 480)), reference) < 1.0);
      // Nothing written outside the region.
      assertArrayEquals(new double[] {7, 7, 7}, big.get(29, 40));
      assertArrayEquals(new double[] {7, 7, 7}, big.get(510, 679));
      assertArrayEquals(new double[] {7, 7, 7}, big.get(100, 39));
      assertArrayEquals(new double[] {7, 7, 7}, big.get(100, 680));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"opencv", "turbojpeg"})
  void reusesDestinationUntilTheSizeChanges(String name) {
    byte[] small = imencode(drawing(320, 240), 90);
    try (JpegCodec codec = codec(name)) {
      Mat dst = new Mat();
      codec.decode(astronautJpeg, astronautJpeg.length, dst);
      long address = dst.dataAddr();
      codec.decode(astronautJpeg, astronautJpeg.length, dst);
      assertEquals(address, dst.dataAddr());

      codec.decode(small, small.length, dst);
      assertEquals(new Size(320, 240), dst.size());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"opencv", "turbojpeg"})
  void readsOnlyLengthBytesAndAcceptsZeroPadding(String name) {
    byte[] padded = Arrays.copyOf(astronautJpeg, astronautJpeg.length + 64); // zeros after EOI
    byte[] withGarbageBeyondLength = Arrays.copyOf(astronautJpeg, astronautJpeg.length + 64);
    Arrays.fill(withGarbageBeyondLength, astronautJpeg.length, withGarbageBeyondLength.length,
        (byte) 0x5A);
    try (JpegCodec codec = codec(name)) {
      Mat dst = new Mat();
      codec.decode(padded, padded.length, dst);
      assertEquals(new Size(640, 480), dst.size());
      codec.decode(withGarbageBeyondLength, astronautJpeg.length, dst);
      assertEquals(new Size(640, 480), dst.size());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"opencv", "turbojpeg"})
  void rejectsBytesThatAreNotJpeg(String name) {
    byte[] text = "hello, not a picture".getBytes(StandardCharsets.US_ASCII);
    byte[] png = resource("coffee.png");
    byte[] markersOnly = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
    try (JpegCodec codec = codec(name)) {
      Mat dst = new Mat();
      assertThrows(BadImageException.class, () -> codec.decode(text, text.length, dst));
      assertThrows(BadImageException.class, () -> codec.decode(png, png.length, dst));
      assertThrows(BadImageException.class, () -> codec.decode(new byte[0], 0, dst));
      assertThrows(BadImageException.class,
          () -> codec.decode(markersOnly, markersOnly.length, dst));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"opencv", "turbojpeg"})
  void rejectsTruncatedJpegs(String name) {
    byte[] truncatedFile = resource("truncated.jpg");
    // Cut inside the entropy-coded data: decoders would fill the rest with grey.
    int cut = astronautJpeg.length * 6 / 10;
    try (JpegCodec codec = codec(name)) {
      Mat dst = new Mat();
      assertThrows(BadImageException.class,
          () -> codec.decode(truncatedFile, truncatedFile.length, dst));
      assertThrows(BadImageException.class, () -> codec.decode(astronautJpeg, cut, dst));
      // Still fine afterwards: a bad frame does not poison the codec.
      codec.decode(astronautJpeg, astronautJpeg.length, dst);
      assertEquals(new Size(640, 480), dst.size());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"opencv", "turbojpeg"})
  void rejectsForgedHugeSizeQuickly(String name) {
    byte[] forged = withFrameSize(astronautJpeg, 20000, 20000);
    try (JpegCodec codec = codec(name)) {
      long start = System.nanoTime();
      BadImageException e = assertThrows(BadImageException.class,
          () -> codec.decode(forged, forged.length, new Mat()));
      // Rejected from the header, not after decoding 400 megapixels of grey.
      assertTrue(System.nanoTime() - start < 1_000_000_000L, e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"opencv", "turbojpeg"})
  void rejectsHundredsOfScansAndHiddenFrameHeadersBeforeDecoding(String name) {
    byte[] manyScans = BadFrames.manyScans(2048);
    byte[] hidden = BadFrames.withHiddenFrameHeader(astronautJpeg, 8000, 6000);
    try (JpegCodec codec = codec(name)) {
      Mat dst = new Mat();
      long start = System.nanoTime();
      BadImageException scans = assertThrows(BadImageException.class,
          () -> codec.decode(manyScans, manyScans.length, dst));
      assertTrue(scans.getMessage().contains("883 scans"), scans.getMessage());
      assertThrows(BadImageException.class, () -> codec.decode(hidden, hidden.length, dst));
      assertTrue(System.nanoTime() - start < 1_000_000_000L, "refused without decoding");
      assertTrue(dst.empty(), "no pixels allocated");
      dst.release();
    }
  }

  /** Only TurboJPEG reports libjpeg's corrupt-data warnings; OpenCV decodes such frames silently. */
  @Test
  void turboJpegRejectsCutScanEvenWhenItEndsWithEoi() {
    byte[] forged = BadFrames.cutScanEndingWithEoi(astronautJpeg);
    try (JpegCodec codec = codec("turbojpeg")) {
      BadImageException e = assertThrows(BadImageException.class,
          () -> codec.decode(forged, forged.length, new Mat()));
      assertTrue(e.getMessage().startsWith("corrupt JPEG"), e.getMessage());
    }
  }

  @Test
  void turboJpegRejectsUnsupportedPixelTypesAndUseAfterClose() {
    JpegCodec codec = codec("turbojpeg");
    Mat sixteenBit = new Mat(10, 10, CvType.CV_16UC1, Scalar.all(1));
    assertThrows(IllegalArgumentException.class, () -> codec.encode(sixteenBit, 90));
    assertThrows(IllegalArgumentException.class, () -> codec.encode(new Mat(), 90));

    codec.close();
    codec.close(); // idempotent
    assertThrows(IllegalStateException.class,
        () -> codec.decode(astronautJpeg, astronautJpeg.length, new Mat()));
    assertThrows(IllegalStateException.class, () -> codec.encode(drawing(16, 16), 90));
  }

  /**
   * Thousands of frames must not grow native memory: a leaked input copy, output
   * buffer or Mat per frame would add 50 KB to 1 MB each, 100 MB to 2 GB in all.
   */
  @ParameterizedTest
  @ValueSource(strings = {"opencv", "turbojpeg"})
  void manyFramesDoNotGrowNativeMemory(String name) {
    assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs Linux /proc");
    Mat frame = new Mat();
    Mat small = drawing(320, 240);
    try (JpegCodec codec = codec(name)) {
      workload(codec, frame, small, 300); // warm up: buffers, JIT, heap regions
      long before = residentKb();
      workload(codec, frame, small, 2000);
      long grownMb = (residentKb() - before) / 1024;
      assertTrue(grownMb < 64, "resident memory grew by " + grownMb + " MB over 2000 frames");
    }
  }

  private static void workload(JpegCodec codec, Mat frame, Mat small, int frames) {
    for (int i = 0; i < frames; i++) {
      codec.decode(astronautJpeg, astronautJpeg.length, frame);
      if (i % 4 == 0) {
        codec.encode(small, 80);
      }
    }
  }

  private static long residentKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no VmRSS line in /proc/self/status");
  }

  /** A copy whose baseline frame header (SOF0) claims another size. */
  static byte[] withFrameSize(byte[] jpeg, int width, int height) {
    byte[] out = jpeg.clone();
    for (int i = 2; i + 8 < out.length; i++) {
      if (out[i] == (byte) 0xFF && out[i + 1] == (byte) 0xC0) {
        out[i + 5] = (byte) (height >> 8);
        out[i + 6] = (byte) height;
        out[i + 7] = (byte) (width >> 8);
        out[i + 8] = (byte) width;
        return out;
      }
    }
    throw new IllegalArgumentException("no SOF0 marker");
  }

  private static JpegCodec codec(String name) {
    if (name.equals(JpegCodecs.TURBOJPEG)) {
      assumeTrue(JpegCodecs.turboJpegAvailable(), "libturbojpeg is not installed");
    }
    JpegCodec codec = JpegCodecs.select(name).get();
    assertEquals(name, codec.name());
    return codec;
  }

  /** Gradients, shapes and text: smooth areas and sharp edges, like a real frame. */
  private static Mat drawing(int width, int height) {
    Mat image = new Mat(height, width, CvType.CV_8UC3);
    byte[] row = new byte[width * 3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        row[3 * x] = (byte) (x * 255 / width);
        row[3 * x + 1] = (byte) (y * 255 / height);
        row[3 * x + 2] = (byte) 128;
      }
      image.put(y, 0, row);
    }
    Imgproc.rectangle(image, new Point(width * 0.1, height * 0.1),
        new Point(width * 0.4, height * 0.5), new Scalar(20, 200, 40), -1);
    Imgproc.circle(image, new Point(width * 0.7, height * 0.6), height / 5,
        new Scalar(230, 230, 230), -1);
    Imgproc.putText(image, "LiveLens", new Point(width * 0.1, height * 0.85),
        Imgproc.FONT_HERSHEY_SIMPLEX, height / 240.0, new Scalar(0, 0, 0), 2);
    return image;
  }

  private static byte[] imencode(Mat image, int quality) {
    MatOfByte out = new MatOfByte();
    Imgcodecs.imencode(".jpg", image, out, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality));
    return out.toArray();
  }

  private static Mat pngResource(String name) {
    Mat image = Imgcodecs.imdecode(new MatOfByte(resource(name)), Imgcodecs.IMREAD_COLOR);
    assertTrue(!image.empty(), name);
    return image;
  }

  static byte[] resource(String name) {
    try (InputStream in = JpegCodecTest.class.getResourceAsStream("/images/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource images/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
