package dev.livelens.filter;

import dev.livelens.vision.JpegCodec;
import dev.livelens.vision.JpegCodec.Pixels;
import io.vertx.core.json.JsonObject;
import org.opencv.core.Mat;

/**
 * One image operation. An instance belongs to one worker and may keep reusable Mats as fields;
 * {@link #close()} releases them. What a filter needs from a stream's earlier frames comes with the
 * frame as its {@link FilterState}'s JSON, never from the worker: the next frame may go to another one.
 */
public interface Filter extends AutoCloseable {

  FilterSpec spec();

  /**
   * The pixels the frame should be decoded to. Filters that only look at luminance ask for GRAY, which
   * skips the decoder's colour work.
   */
  default Pixels input() {
    return Pixels.BGR;
  }

  /**
   * The answer made from the JPEG itself, skipping decode, pixels and encode, or null when this frame
   * needs the pixel path ({@link #apply}). Called first for every frame; the bytes have passed only the
   * session's header checks, so an implementation checks them as a decoder would before answering.
   *
   * @throws dev.livelens.vision.BadImageException when the bytes would not decode
   */
  default JpegShortcut withoutPixels(byte[] jpeg, int length, JsonObject params, JpegCodec codec) {
    return null;
  }

  /**
   * Processes a frame, decoded as {@link #input()} asks (a BGR frame is always accepted too). Returns the
   * image to encode: the frame itself (changed in place) or a Mat the filter owns and reuses; given
   * {@link Pixels#I420} planes, the planes themselves or a BGR Mat.
   *
   * @param params parameters already checked by {@link FilterSpec#resolve}
   * @param state what the stream carries for this filter (see {@link FilterSpec#newState()}); empty if none
   * @param report filled with what the client should be told about this frame, as a protocol message
   *     without its id (e.g. {"type":"faces","faces":[...]}); left empty when there is nothing to tell
   */
  Mat apply(Mat frame, JsonObject params, JsonObject state, JsonObject report);

  @Override
  default void close() {
  }
}
