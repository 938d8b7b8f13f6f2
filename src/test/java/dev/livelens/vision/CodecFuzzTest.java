package dev.livelens.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.livelens.testing.TestImages;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.opencv.core.Mat;

/**
 * Real frames with random bytes changed, cut or repeated, fed to both codecs: each either decodes to
 * a frame of the header's size or refuses with BadImageException, and the next good frame still decodes.
 * A crash here would take the JVM down.
 */
class CodecFuzzTest {

  private static final byte[] FRAME = TestImages.faceFrame();
  /** Shared by every try, as in a worker: a bad frame must not spoil the codec for the next one. */
  private static final List<JpegCodec> CODECS = JpegCodecs.turboJpegAvailable()
      ? List.of(new TurboJpegCodec(), new OpenCvJpegCodec()) : List.of(new OpenCvJpegCodec());

  @Property(tries = 400)
  void damagedFramesDecodeOrAreRefusedCleanly(@ForAll("damagedFrames") byte[] jpeg) {
    for (JpegCodec codec : CODECS) {
      Mat decoded = new Mat();
      try {
        codec.decode(jpeg, jpeg.length, decoded);
        JpegHeader header = JpegHeader.read(jpeg, 0, jpeg.length);
        assertEquals(header.width(), decoded.cols(), codec.name());
        assertEquals(header.height(), decoded.rows(), codec.name());
      } catch (BadImageException refused) {
        assertFalse(refused.getMessage().isBlank());
      }
      codec.decode(FRAME, FRAME.length, decoded);
      assertEquals(640, decoded.cols(), codec.name() + " still decodes a good frame");
      decoded.release();
    }
  }

  @Provide
  Arbitrary<byte[]> damagedFrames() {
    Arbitrary<byte[]> flipped = Arbitraries.integers().between(0, FRAME.length - 1).list().ofMinSize(1).ofMaxSize(8)
        .map(positions -> {
          byte[] copy = FRAME.clone();
          positions.forEach(p -> copy[p] = (byte) ~copy[p]);
          return copy;
        });
    Arbitrary<byte[]> headerNoise = Arbitraries.integers().between(2, 700).list().ofMinSize(1).ofMaxSize(4)
        .map(positions -> {
          byte[] copy = FRAME.clone();
          positions.forEach(p -> copy[p] = (byte) (copy[p] * 31 + 7));
          return copy;
        });
    Arbitrary<byte[]> cut = Arbitraries.integers().between(2, FRAME.length - 1).map(length -> {
      byte[] copy = java.util.Arrays.copyOf(FRAME, length + 2);
      copy[length] = (byte) 0xFF;
      copy[length + 1] = (byte) 0xD9; // a cut frame that still ends like a JPEG
      return copy;
    });
    return Arbitraries.oneOf(flipped, headerNoise, cut);
  }
}
