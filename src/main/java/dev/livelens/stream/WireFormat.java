package dev.livelens.stream;

import dev.livelens.vision.JpegHeader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Builds the server's messages of protocol version 1, so their shape lives in one place. */
public final class WireFormat {

  public static final int ID_BYTES = 4;
  public static final long MAX_ID = 0xFFFF_FFFFL;
  static final String DATA_URL_PREFIX = "data:image/jpeg;base64,";

  private WireFormat() {
  }

  public static Buffer binaryFrame(long id, Buffer jpeg) {
    return Buffer.buffer(ID_BYTES + jpeg.length()).appendUnsignedInt(id).appendBuffer(jpeg);
  }

  public static String jsonFrame(long id, Buffer jpeg) {
    String base64 = java.util.Base64.getEncoder().encodeToString(jpeg.getBytes());
    return new JsonObject().put("type", "frame").put("id", id).put("data", DATA_URL_PREFIX + base64).encode();
  }

  public static String hello(String streamId, List<String> filters, int maxFrameBytes) {
    return new JsonObject().put("type", "hello").put("protocol", 1).put("stream", streamId)
        .put("filters", new JsonArray(filters)).put("maxFrameBytes", maxFrameBytes).encode();
  }

  public static String filter(String name, JsonObject params) {
    return new JsonObject().put("type", "filter").put("filter", name).put("params", params).encode();
  }

  /** The background picture the stream keeps now: its size, or {"image":null} when it has none. */
  public static String background(Buffer jpeg) {
    JsonObject message = new JsonObject().put("type", "background");
    if (jpeg == null) {
      return message.putNull("image").encode();
    }
    JpegHeader header = JpegHeader.read(jpeg::getUnsignedByte, jpeg.length());
    return message.put("image", new JsonObject().put("width", header.width()).put("height", header.height())
        .put("bytes", jpeg.length())).encode();
  }

  /**
   * A filter's report about a frame, as the filter made it, with the frame's id after the type. Fields
   * whose names start with {@code _}, at any depth, are what the filter keeps for the stream's next frames
   * ({@link dev.livelens.filter.FilterState#learn}), not for the client, and are left out.
   */
  public static String report(long id, JsonObject report) {
    JsonObject message = new JsonObject().put("type", report.getValue("type")).put("id", id);
    report.forEach(field -> {
      if (!field.getKey().startsWith("_")) {
        message.put(field.getKey(), forClient(field.getValue()));
      }
    });
    return message.encode();
  }

  private static Object forClient(Object value) {
    if (value instanceof JsonObject object) {
      JsonObject kept = new JsonObject();
      object.forEach(field -> {
        if (!field.getKey().startsWith("_")) {
          kept.put(field.getKey(), forClient(field.getValue()));
        }
      });
      return kept;
    }
    if (value instanceof JsonArray array) {
      JsonArray kept = new JsonArray();
      array.forEach(item -> kept.add(forClient(item)));
      return kept;
    }
    return value;
  }

  public static String stats(JsonObject counts) {
    return new JsonObject().put("type", "stats").mergeIn(counts).encode();
  }

  public static String error(ErrorCode code, String message, Long id) {
    JsonObject json = new JsonObject().put("type", "error").put("code", code.wireName()).put("message", message);
    if (id != null) {
      json.put("id", id);
    }
    return json.encode();
  }
}
