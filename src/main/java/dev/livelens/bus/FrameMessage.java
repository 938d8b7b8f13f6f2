package dev.livelens.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/**
 * The one message of the frame path: a frame on its way to a worker, the worker's processed frame
 * (the reply, which is also what a stream publishes), and a stream's end. Immutable plain data that
 * {@link FrameMessageCodec} can carry to another JVM; the JSON members and the bytes are owned by the
 * message and nobody changes them after it is made, which is what lets a local hop pass it by reference.
 *
 * @param kind what the message is
 * @param stream the id of the stream it belongs to
 * @param frameId the client's id of the frame (0 for an end)
 * @param filter the filter to run, or that ran
 * @param params the filter's parameters, resolved against its spec
 * @param state what the filter keeps across the stream's frames, as the stream carries it with this
 *     frame (see {@link dev.livelens.filter.FilterState}); empty for stateless filters
 * @param arrivedAtMs wall-clock time the frame arrived at the server (epoch ms)
 * @param capturedAtMs the client's capture time (epoch ms) if it sent one, else 0
 * @param deadlineMs wall-clock time after which a worker drops the frame unprocessed, or 0 for none;
 *     wall-clock so a worker in another JVM can check it (clocks kept in sync by NTP)
 * @param result what the worker made of it; null unless {@code kind} is PROCESSED
 * @param jpeg the frame's JPEG (the original on the way to a worker, the processed one after); empty for an end
 */
public record FrameMessage(Kind kind, String stream, long frameId, String filter, JsonObject params,
    JsonObject state, long arrivedAtMs, long capturedAtMs, long deadlineMs, FrameResult result, Buffer jpeg) {

  public enum Kind {
    /** A frame to process. */
    FRAME,
    /** A processed frame: a worker's reply, and what the stream publishes. */
    PROCESSED,
    /** The stream has ended: nothing more will be published on its address. */
    END
  }

  private static final JsonObject NONE = new JsonObject();
  private static final DeliveryOptions PUBLISH = new DeliveryOptions().setCodecName(FrameMessageCodec.NAME);

  /** A frame as it arrived from a client, before it goes to a worker. */
  public static FrameMessage frame(String stream, long frameId, String filter, JsonObject params, long arrivedAtMs,
      long capturedAtMs, Buffer jpeg) {
    return new FrameMessage(Kind.FRAME, stream, frameId, filter, params, NONE, arrivedAtMs, capturedAtMs, 0, null,
        jpeg);
  }

  /** The end of a stream, published after its last processed frame. */
  public static FrameMessage end(String stream) {
    return new FrameMessage(Kind.END, stream, 0, "", NONE, NONE, System.currentTimeMillis(), 0, 0, null,
        Buffer.buffer());
  }

  /** This frame as it goes to a worker: with the filter's state for it and a deadline. */
  public FrameMessage toWorker(JsonObject filterState, long deadline) {
    return new FrameMessage(kind, stream, frameId, filter, params, filterState, arrivedAtMs, capturedAtMs,
        deadline, null, jpeg);
  }

  /** The worker's answer to this frame: everything about the frame kept, the processed image instead. */
  public FrameMessage processed(FrameResult processing, Buffer processedJpeg) {
    return new FrameMessage(Kind.PROCESSED, stream, frameId, filter, params, state, arrivedAtMs, capturedAtMs,
        deadlineMs, processing, processedJpeg);
  }

  /** Whether the frame waited past its deadline: the worker drops it rather than answer too late. */
  public boolean expired(long nowMillis) {
    return deadlineMs > 0 && nowMillis > deadlineMs;
  }

  /** The client's capture time when it sent one, else the arrival: the frame's own time for recorders. */
  public long timeMs() {
    return capturedAtMs > 0 ? capturedAtMs : arrivedAtMs;
  }

  /** Delivery options naming the codec, for send, request, reply and publish alike. */
  public static DeliveryOptions options() {
    return new DeliveryOptions(PUBLISH);
  }

  /** The same options with a reply timeout, for a frame sent to a worker. */
  public static DeliveryOptions options(long timeoutMs) {
    return options().setSendTimeout(timeoutMs);
  }

  /** The same frame with other parameters (a worker's, with a picture put back that came by key). */
  public FrameMessage withParams(JsonObject other) {
    return new FrameMessage(kind, stream, frameId, filter, other, state, arrivedAtMs, capturedAtMs, deadlineMs,
        result, jpeg);
  }

  /** Everything but the bytes, for the wire and for logs. */
  JsonObject header() {
    JsonObject json = new JsonObject().put("kind", kind.name()).put("stream", stream).put("frameId", frameId)
        .put("filter", filter).put("params", params).put("state", state).put("arrivedAtMs", arrivedAtMs)
        .put("capturedAtMs", capturedAtMs).put("deadlineMs", deadlineMs);
    return result == null ? json : json.put("result", result.toJson());
  }

  static FrameMessage fromHeader(JsonObject json, Buffer jpeg) {
    JsonObject result = json.getJsonObject("result");
    return new FrameMessage(Kind.valueOf(json.getString("kind")), json.getString("stream"), json.getLong("frameId"),
        json.getString("filter"), json.getJsonObject("params"), json.getJsonObject("state"),
        json.getLong("arrivedAtMs"), json.getLong("capturedAtMs"), json.getLong("deadlineMs"),
        result == null ? null : FrameResult.fromJson(result), jpeg);
  }
}
