package dev.livelens.worker;

import dev.livelens.bus.FrameResult;
import dev.livelens.filter.Filter;
import dev.livelens.vision.JpegCodec;
import dev.livelens.vision.JpegCodec.Pixels;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.opencv.core.Mat;

/**
 * Decode, filter, encode: the work done for one frame, with every Mat reused from frame to frame.
 * One pipeline belongs to one worker and is never used by two threads at once.
 */
public final class FramePipeline implements AutoCloseable {

  /** The processed JPEG and what the stream needs to know about it. */
  public record Result(byte[] jpeg, FrameResult result) {
  }

  private final Map<String, Filter> filters;
  private final JpegCodec codec;
  private final int jpegQuality;
  // One Mat per kind of input, so a worker serving both kinds never reallocates between frames.
  private final Mat bgrFrame = new Mat();
  private final Mat grayFrame = new Mat();

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
    Mat frame = filter.input() == Pixels.GRAY ? grayFrame : bgrFrame;
    codec.decode(jpeg, length, frame, filter.input());
    long decoded = System.nanoTime();
    JsonObject report = new JsonObject();
    Mat output = filter.apply(frame, params, state, report);
    long filtered = System.nanoTime();
    byte[] encoded = codec.encode(output, jpegQuality);
    long encodedAt = System.nanoTime();
    return new Result(encoded, new FrameResult(output.cols(), output.rows(), report,
        decoded - start, filtered - decoded, encodedAt - filtered));
  }

  @Override
  public void close() {
    filters.values().forEach(Filter::close);
    bgrFrame.release();
    grayFrame.release();
    codec.close();
  }
}
