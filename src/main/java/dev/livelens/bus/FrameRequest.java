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
 */
public record FrameRequest(String filter, JsonObject params, boolean detect, JsonArray carriedFaces) {

  static final String FILTER = "filter";
  static final String PARAMS = "params";
  static final String DETECT = "detect";
  static final String CARRIED_FACES = "carried-faces";

  public DeliveryOptions toDeliveryOptions(long timeoutMs) {
    return new DeliveryOptions().setSendTimeout(timeoutMs)
        .addHeader(FILTER, filter)
        .addHeader(PARAMS, params.encode())
        .addHeader(DETECT, String.valueOf(detect))
        .addHeader(CARRIED_FACES, carriedFaces.encode());
  }

  public static FrameRequest fromHeaders(MultiMap headers) {
    return new FrameRequest(headers.get(FILTER), new JsonObject(headers.get(PARAMS)),
        Boolean.parseBoolean(headers.get(DETECT)), new JsonArray(headers.get(CARRIED_FACES)));
  }
}
