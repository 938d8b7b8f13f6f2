package dev.livelens.bus;

import dev.livelens.filter.UploadedBackground;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A background picture riding in a frame's parameters ({@link #PICTURE}, a JPEG Buffer, beside
 * {@link #KEY}, a random id its sender gives those bytes and no others). Within one JVM the same Buffer
 * goes with every frame, by reference. On the wire only the key travels ({@link FrameMessageCodec}): a worker in another JVM asks the
 * stream for the picture once ({@link Addresses#streamPicture}) and keeps it by key, so a picture of up to a
 * few hundred kilobytes does not cross the network again with every frame.
 */
public final class FramePictures {

  public static final String PICTURE = UploadedBackground.KEY;
  public static final String KEY = UploadedBackground.PICTURE_KEY;

  private FramePictures() {
  }

  /**
   * Answers workers' requests for the picture {@code key} of stream {@code streamId} until unregistered;
   * a request for another key (a picture replaced since) fails, and the worker uses none.
   */
  public static MessageConsumer<String> offer(EventBus bus, String streamId, String key, Buffer jpeg) {
    return bus.consumer(Addresses.streamPicture(streamId), request -> {
      if (key.equals(request.body())) {
        request.reply(jpeg);
      } else {
        request.fail(404, "the stream's picture has changed");
      }
    });
  }

  /** {@code params} as they go on the wire: a copy without the keyed pictures (whose bytes are never copied). */
  static JsonObject forWire(JsonObject params) {
    return params == null ? null : (JsonObject) withoutPictures(params);
  }

  /** The key of a picture these parameters name but do not carry (they came over the wire), or null. */
  public static String missing(JsonObject params) {
    if (params == null) {
      return null;
    }
    if (params.getValue(KEY) instanceof String key && !params.containsKey(PICTURE)) {
      return key;
    }
    // Iterated, not read from getMap(): decoded JSON keeps nested objects as maps, which iteration wraps.
    for (Map.Entry<String, Object> entry : params) {
      Object value = entry.getValue();
      String found = value instanceof JsonObject object ? missing(object)
          : value instanceof JsonArray array ? missingIn(array) : null;
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** A copy of {@code params} with the picture {@code key} put back wherever it is named. */
  public static JsonObject withPicture(JsonObject params, String key, Buffer jpeg) {
    JsonObject copy = params.copy();
    restore(copy, key, jpeg);
    return copy;
  }

  private static String missingIn(JsonArray array) {
    for (Object value : array) {
      String found = value instanceof JsonObject object ? missing(object) : null;
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static Object withoutPictures(Object value) {
    if (value instanceof JsonObject object) {
      boolean keyed = object.containsKey(KEY);
      JsonObject copy = new JsonObject();
      for (Map.Entry<String, Object> entry : object) {
        if (!(keyed && PICTURE.equals(entry.getKey()))) {
          copy.put(entry.getKey(), withoutPictures(entry.getValue()));
        }
      }
      return copy;
    }
    if (value instanceof JsonArray array) {
      JsonArray copy = new JsonArray();
      array.forEach(item -> copy.add(withoutPictures(item)));
      return copy;
    }
    return value;
  }

  private static void restore(JsonObject params, String key, Buffer jpeg) {
    if (key.equals(params.getValue(KEY))) {
      params.put(PICTURE, jpeg);
    }
    params.forEach(entry -> each(entry.getValue(), object -> {
      restore(object, key, jpeg);
      return object;
    }));
  }

  private static void each(Object value, UnaryOperator<JsonObject> action) {
    if (value instanceof JsonObject object) {
      action.apply(object);
    } else if (value instanceof JsonArray array) {
      array.forEach(item -> each(item, action));
    }
  }
}
