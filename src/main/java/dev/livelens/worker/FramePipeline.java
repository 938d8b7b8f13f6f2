package dev.livelens.worker;

import dev.livelens.bus.FrameResult;
import dev.livelens.filter.Filter;
import dev.livelens.filter.JpegShortcut;
import dev.livelens.vision.JpegCodec;
import dev.livelens.vision.JpegCodec.Pixels;
import dev.livelens.vision.YuvPlanes;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.opencv.core.Mat;

/**
 * Decode, filter, encode: the work done for one frame, with every Mat reused from frame to frame; or,
 * for a filter that can answer from the JPEG itself ({@link Filter#withoutPixels}), none of it.
 * One pipeline belongs to one worker and is never used by two threads at once.
 */
public final class FramePipeline implements AutoCloseable {

  /**
   * The processed JPEG and what the stream needs to know about it.
   *
   * @param jpeg the reply's bytes, or null when the reply is the frame's JPEG exactly as it came
   */
  public record Result(byte[] jpeg, FrameResult result) {
    public boolean asSent() {
      return jpeg == null;
    }
  }

  private final Map<String, Filter> filters;
  private final JpegCodec codec;
  private final int jpegQuality;
  // One Mat per kind of input, so a worker serving both kinds never reallocates between frames.
  private final Mat bgrFrame = new Mat();
  private final Mat grayFrame = new Mat();
  private final Mat planesFrame = new Mat();

  public FramePipeline(Map<String, Filter> filters, JpegCodec codec, int jpegQuality) {
    this.filters = filters;
    this.codec = codec;
    this.jpegQuality = jpegQuality;
  }

  public boolean has(String filter) {
    return filters.containsKey(filter);
  }

  /**
   * @param state the filter's state as the stream carries it with this frame (empty for none)
   * @throws dev.livelens.vision.BadImageException when the bytes do not decode
   * @throws IllegalArgumentException when the request names a filter this worker does not have
   */
  public Result process(byte[] jpeg, int length, String filterName, JsonObject params, JsonObject state) {
    Filter filter = filters.get(filterName);
    if (filter == null) {
      throw new IllegalArgumentException("this worker has no filter " + filterName);
    }
    long start = System.nanoTime();
    JsonObject report = new JsonObject();
    JpegShortcut shortcut = filter.withoutPixels(jpeg, length, params, codec);
    if (shortcut != null) {
      // No decode and no encode: the whole time is the filter's.
      return new Result(shortcut.jpeg(), new FrameResult(shortcut.header().width(), shortcut.header().height(),
          report, 0, System.nanoTime() - start, 0));
    }
    Mat frame = switch (filter.input()) {
      case GRAY -> grayFrame;
      case I420 -> planesFrame;
      case BGR -> bgrFrame;
    };
    Pixels pixels = codec.decode(jpeg, length, frame, filter.input());
    long decoded = System.nanoTime();
    Mat output = filter.apply(frame, params, state, report);
    long filtered = System.nanoTime();
    // A filter given planes answers with them (changed in place) or with a BGR picture of its own.
    boolean planes = pixels == Pixels.I420 && output.channels() == 1;
    byte[] encoded = planes ? codec.encode(output, Pixels.I420, jpegQuality) : codec.encode(output, jpegQuality);
    long encodedAt = System.nanoTime();
    int height = planes ? YuvPlanes.height(output) : output.rows();
    return new Result(encoded, new FrameResult(output.cols(), height, report,
        decoded - start, filtered - decoded, encodedAt - filtered));
  }

  @Override
  public void close() {
    filters.values().forEach(Filter::close);
    bgrFrame.release();
    grayFrame.release();
    planesFrame.release();
    codec.close();
  }
}
