package dev.livelens.worker;

import dev.livelens.bus.FrameReply;
import dev.livelens.bus.FrameRequest;
import dev.livelens.filter.FaceBoxes;
import dev.livelens.filter.Filter;
import dev.livelens.filter.FrameHints;
import dev.livelens.vision.JpegCodec;
import dev.livelens.vision.JpegCodec.Pixels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * Decode, filter, encode: the work done for one frame, with every Mat reused from frame to frame.
 * One pipeline belongs to one worker and is never used by two threads at once.
 */
public final class FramePipeline implements AutoCloseable {

  /** The processed JPEG and what the stream needs to know about it. */
  public record Result(byte[] jpeg, FrameReply reply) {
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

  /**
   * @throws dev.livelens.vision.BadImageException when the bytes do not decode
   * @throws IllegalArgumentException when the request names a filter this worker does not have
   */
  public Result process(byte[] jpeg, int length, FrameRequest request) {
    Filter filter = filters.get(request.filter());
    if (filter == null) {
      throw new IllegalArgumentException("this worker has no filter " + request.filter());
    }
    long start = System.nanoTime();
    Mat frame = filter.input() == Pixels.GRAY ? grayFrame : bgrFrame;
    codec.decode(jpeg, length, frame, filter.input());
    long decoded = System.nanoTime();
    List<Rect> faces = new ArrayList<>();
    FrameHints hints = new FrameHints(request.detect(), FaceBoxes.fromJson(request.carriedFaces()));
    Mat output = filter.apply(frame, request.params(), hints, faces);
    long filtered = System.nanoTime();
    byte[] encoded = codec.encode(output, jpegQuality);
    long encodedAt = System.nanoTime();
    FrameReply reply = new FrameReply(filter.reportsFaces() ? FaceBoxes.toJson(faces) : null,
        decoded - start, filtered - decoded, encodedAt - filtered);
    return new Result(encoded, reply);
  }

  @Override
  public void close() {
    filters.values().forEach(Filter::close);
    bgrFrame.release();
    grayFrame.release();
    codec.close();
  }
}
