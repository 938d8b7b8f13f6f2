package dev.livelens.filter;

import dev.livelens.vision.JpegCodec;
import dev.livelens.vision.JpegCodec.Pixels;
import dev.livelens.vision.JpegHeader;
import dev.livelens.vision.JpegStructure;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Luminance only, as a one-channel JPEG (also cheaper to send). Where the codec can, the JPEG's own
 * luminance coefficients become the reply, losslessly and without decoding; else the pixel path.
 */
public final class GrayFilter implements Filter {

  static final FilterSpec SPEC = new FilterSpec("gray", "Grayscale (luminance only)", List.of());

  private final Mat gray = new Mat();

  @Override
  public FilterSpec spec() {
    return SPEC;
  }

  @Override
  public Pixels input() {
    return Pixels.GRAY;
  }

  @Override
  public JpegShortcut withoutPixels(byte[] jpeg, int length, JsonObject params, JpegCodec codec) {
    JpegHeader header = JpegStructure.requireDecodable(jpeg, length);
    byte[] gray = codec.grayscale(jpeg, length, header);
    return gray == null ? null : new JpegShortcut(gray, header);
  }

  @Override
  public Mat apply(Mat frame, JsonObject params, JsonObject state, JsonObject report) {
    if (frame.channels() == 1) {
      return frame; // the decoder already did the work
    }
    Imgproc.cvtColor(frame, gray, Imgproc.COLOR_BGR2GRAY);
    return gray;
  }

  @Override
  public void close() {
    gray.release();
  }
}
