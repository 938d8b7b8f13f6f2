package dev.livelens.stream;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;

/** A client's text message of protocol version 1, parsed and checked. */
sealed interface TextMessage {

  /**
   * {"type":"filter","filter":name,"params":{...}}: parameters are checked later against the filter; or
   * {"type":"filter","chain":[{"name":...,"params":{...}},...]}: the filters named {@code chain}, in order.
   */
  record SelectFilter(String filter, JsonObject params) implements TextMessage {
  }

  /**
   * {"type":"frame","id":n,"data":"[data:image/jpeg;base64,]...","capturedAt":ms}: a frame in the
   * compatibility mode; {@code capturedAt} (epoch ms, optional, else 0) is when the client captured it.
   */
  record Frame(long id, Buffer jpeg, long capturedAtMs) implements TextMessage {
  }

  /** {"type":"record","on":true|false}: record the processed stream on the server, or stop. */
  record Record(boolean on) implements TextMessage {
  }

  /**
   * {"type":"background","data":"[data:image/png;base64,]..."}: the picture (JPEG or PNG) to show behind the
   * person; {"type":"background","data":null} takes it away.
   */
  record Background(Buffer image) implements TextMessage {
  }

  /** {"type":"clientStats",...}: what the page measures, its known fields checked (see {@link ClientStatsMessage}). */
  record ClientStats(JsonObject stats) implements TextMessage {
  }

  /** The message cannot be used; {@code frameId} is set when it was recognisably a frame. */
  final class Invalid extends Exception {
    private final ErrorCode code;
    private final Long frameId;

    Invalid(ErrorCode code, String message, Long frameId) {
      super(message, null, false, false);
      this.code = code;
      this.frameId = frameId;
    }

    ErrorCode code() {
      return code;
    }

    Long frameId() {
      return frameId;
    }
  }

  /** The name a list of filters is selected by, as the catalog knows it. */
  String CHAIN = "chain";

  static TextMessage parse(String text, int maxFrameBytes) throws Invalid {
    JsonObject json;
    try {
      json = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      throw new Invalid(ErrorCode.BAD_MESSAGE, "not a JSON object", null);
    }
    Object type = json.getValue("type");
    if ("filter".equals(type)) {
      return parseFilter(json);
    }
    if ("frame".equals(type)) {
      return parseFrame(json, maxFrameBytes);
    }
    if ("record".equals(type)) {
      if (!(json.getValue("on") instanceof Boolean on)) {
        throw new Invalid(ErrorCode.BAD_MESSAGE, "a record message needs a boolean field 'on'", null);
      }
      return new Record(on);
    }
    if ("background".equals(type)) {
      return parseBackground(json, maxFrameBytes);
    }
    if ("clientStats".equals(type)) {
      return ClientStatsMessage.parse(json);
    }
    throw new Invalid(ErrorCode.BAD_MESSAGE, type instanceof String
        ? "unknown message type '" + type + "'" : "a message needs a string field 'type'", null);
  }

  private static SelectFilter parseFilter(JsonObject json) throws Invalid {
    if (json.containsKey(CHAIN)) {
      if (!(json.getValue(CHAIN) instanceof JsonArray stages)) {
        throw new Invalid(ErrorCode.BAD_PARAMS, "'chain' must be a list of filters", null);
      }
      return new SelectFilter(CHAIN, new JsonObject().put("stages", stages));
    }
    if (!(json.getValue("filter") instanceof String name)) {
      throw new Invalid(ErrorCode.BAD_MESSAGE, "a filter message needs a string field 'filter'", null);
    }
    Object params = json.getValue("params");
    if (params != null && !(params instanceof JsonObject)) {
      throw new Invalid(ErrorCode.BAD_PARAMS, "'params' must be a JSON object", null);
    }
    return new SelectFilter(name, (JsonObject) params);
  }

  private static Background parseBackground(JsonObject json, int maxFrameBytes) throws Invalid {
    Object data = json.getValue("data");
    if (data == null) {
      return new Background(null);
    }
    if (!(data instanceof String text)) {
      throw new Invalid(ErrorCode.BAD_MESSAGE, "a background message needs a string field 'data' (or null)", null);
    }
    String base64 = text.startsWith("data:") ? text.substring(text.indexOf(',') + 1) : text;
    if ((long) base64.length() / 4 * 3 > maxFrameBytes + 2L) {
      throw new Invalid(ErrorCode.TOO_LARGE, "the background picture is over the limit of " + maxFrameBytes
          + " bytes; choose a smaller one", null);
    }
    try {
      return new Background(Buffer.buffer(Base64.getDecoder().decode(base64)));
    } catch (IllegalArgumentException e) {
      throw new Invalid(ErrorCode.BAD_BACKGROUND, "the background's 'data' is not valid base64", null);
    }
  }

  private static Frame parseFrame(JsonObject json, int maxFrameBytes) throws Invalid {
    Object idValue = json.getValue("id");
    if (!(idValue instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
        || number.longValue() < 0 || number.longValue() > WireFormat.MAX_ID) {
      throw new Invalid(ErrorCode.BAD_MESSAGE, "a frame message needs an 'id' from 0 to " + WireFormat.MAX_ID, null);
    }
    long id = number.longValue();
    if (!(json.getValue("data") instanceof String data)) {
      throw new Invalid(ErrorCode.BAD_FRAME, "a frame message needs a string field 'data'", id);
    }
    String base64 = data.startsWith("data:") ? data.substring(data.indexOf(',') + 1) : data;
    if ((long) base64.length() / 4 * 3 > maxFrameBytes + 2L) {
      throw new Invalid(ErrorCode.TOO_LARGE, "frame is over the limit of " + maxFrameBytes + " bytes", id);
    }
    Object captured = json.getValue("capturedAt", 0L);
    if (!(captured instanceof Number time) || time.longValue() < 0) {
      throw new Invalid(ErrorCode.BAD_MESSAGE, "'capturedAt' must be a time in epoch milliseconds", id);
    }
    try {
      return new Frame(id, Buffer.buffer(Base64.getDecoder().decode(base64)), time.longValue());
    } catch (IllegalArgumentException e) {
      throw new Invalid(ErrorCode.BAD_FRAME, "'data' is not valid base64", id);
    }
  }
}
