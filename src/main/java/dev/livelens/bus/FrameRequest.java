package dev.livelens.bus;

import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The headers that travel with a frame's JPEG bytes to a worker. Plain strings, so the message can
 * cross to a worker in another JVM unchanged.
 *
 * @param filter name of the filter to run
 * @param params parameters already resolved against the filter's spec
 * @param detect whether a detecting filter should detect on this frame or reuse {@code carriedFaces}
 * @param carriedFaces boxes from the stream's last detection, as [{x,y,w,h}]
 * @param deadlineMillis wall-clock time (epoch ms) after which a worker drops the frame unprocessed, or 0
 *     for none; wall-clock so a worker in another JVM can check it (machines' clocks kept in sync by NTP)
 */
public record FrameRequest(String filter, JsonObject params, boolean detect, JsonArray carriedFaces,
    long deadlineMillis) {

  static final String FILTER = "filter";
  static final String PARAMS = "params";
  static final String DETECT = "detect";
  static final String CARRIED_FACES = "carried-faces";
  static final String DEADLINE = "deadline";

  /** A request without a deadline: the worker processes it however long it waited. */
  public FrameRequest(String filter, JsonObject params, boolean detect, JsonArray carriedFaces) {
    this(filter, params, detect, carriedFaces, 0);
  }

  /** The same request, detecting on this frame or drawing {@code carried}, the stream's last boxes. */
  public FrameRequest withDetection(boolean detectNow, JsonArray carried) {
    return new FrameRequest(filter, params, detectNow, detectNow ? new JsonArray() : carried, deadlineMillis);
  }

  /** The same request, to be dropped by a worker that takes it up after {@code deadlineMillis}. */
  public FrameRequest withDeadline(long deadlineMillis) {
    return new FrameRequest(filter, params, detect, carriedFaces, deadlineMillis);
  }

  public DeliveryOptions toDeliveryOptions(long timeoutMs) {
    return new DeliveryOptions().setSendTimeout(timeoutMs).setCodecName(FrameCodec.NAME)
        .addHeader(FILTER, filter)
        .addHeader(PARAMS, params.encode())
        .addHeader(DETECT, String.valueOf(detect))
        .addHeader(CARRIED_FACES, carriedFaces.encode())
        .addHeader(DEADLINE, Long.toString(deadlineMillis));
  }

  /** Whether the frame waited past its deadline: the worker drops it rather than answer too late. */
  public boolean expired(long nowMillis) {
    return deadlineMillis > 0 && nowMillis > deadlineMillis;
  }

  public static FrameRequest fromHeaders(MultiMap headers) {
    return new FrameRequest(headers.get(FILTER), new JsonObject(headers.get(PARAMS)),
        Boolean.parseBoolean(headers.get(DETECT)), new JsonArray(headers.get(CARRIED_FACES)),
        headers.contains(DEADLINE) ? Long.parseLong(headers.get(DEADLINE)) : 0);
  }
}
