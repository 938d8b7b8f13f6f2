package dev.livelens.filter;

import dev.livelens.vision.JpegCodec;
import dev.livelens.vision.JpegStructure;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.opencv.core.Mat;

/**
 * Sends the frame back as it came: the baseline for round-trip time. Decoding and encoding it again
 * would only cost time and quality, so the client's bytes are the reply unless {@code reencode} asks
 * for the full pixel path (to measure it, or to normalise odd JPEGs).
 */
public final class NoneFilter implements Filter {

  static final FilterSpec SPEC = new FilterSpec("none", "The camera image, unchanged", List.of(
      ParamSpec.bool("reencode", false, "Decode and encode the frame again instead of returning it as sent")));

  @Override
  public FilterSpec spec() {
    return SPEC;
  }

  @Override
  public JpegShortcut withoutPixels(byte[] jpeg, int length, JsonObject params, JpegCodec codec) {
    if (params.getBoolean("reencode", false)) {
      return null;
    }
    return JpegShortcut.asSent(JpegStructure.requireDecodable(jpeg, length));
  }

  @Override
  public Mat apply(Mat frame, JsonObject params, JsonObject state, JsonObject report) {
    return frame;
  }
}
