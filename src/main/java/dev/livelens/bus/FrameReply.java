package dev.livelens.bus;

import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;

/**
 * The headers of a worker's reply; the body is the processed JPEG.
 *
 * @param faces boxes found or carried, or null when the filter does not look for faces
 * @param decodeNanos time spent decoding the JPEG
 * @param filterNanos time spent in the filter
 * @param encodeNanos time spent encoding the result
 */
public record FrameReply(JsonArray faces, long decodeNanos, long filterNanos, long encodeNanos) {

  static final String FACES = "faces";
  static final String DECODE_NANOS = "decode-ns";
  static final String FILTER_NANOS = "filter-ns";
  static final String ENCODE_NANOS = "encode-ns";

  /**
   * The failure code of a reply for a frame the worker dropped unprocessed because its deadline had passed:
   * not an error for the client, a drop. Apart from the codes of ErrorCode (400 and up).
   */
  public static final int LATE = 299;

  public static boolean isLate(Throwable failure) {
    return failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE
        && reply.failureCode() == LATE;
  }

  public long workerNanos() {
    return decodeNanos + filterNanos + encodeNanos;
  }

  public DeliveryOptions toDeliveryOptions() {
    DeliveryOptions options = new DeliveryOptions().setCodecName(FrameCodec.NAME)
        .addHeader(DECODE_NANOS, Long.toString(decodeNanos))
        .addHeader(FILTER_NANOS, Long.toString(filterNanos))
        .addHeader(ENCODE_NANOS, Long.toString(encodeNanos));
    if (faces != null) {
      options.addHeader(FACES, faces.encode());
    }
    return options;
  }

  public static FrameReply fromHeaders(MultiMap headers) {
    String faces = headers.get(FACES);
    return new FrameReply(faces == null ? null : new JsonArray(faces), parse(headers, DECODE_NANOS),
        parse(headers, FILTER_NANOS), parse(headers, ENCODE_NANOS));
  }

  private static long parse(MultiMap headers, String name) {
    String value = headers.get(name);
    return value == null ? 0 : Long.parseLong(value);
  }
}
