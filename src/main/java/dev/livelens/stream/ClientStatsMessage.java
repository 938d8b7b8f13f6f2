package dev.livelens.stream;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * A page's own measurements, {"type":"clientStats",...}: the split of its round trip and the settings
 * it sends with. Checked like every client message (a known field of the wrong type or out of range is
 * a bad_message); fields this server does not know are ignored, so newer pages can add some.
 */
final class ClientStatsMessage {

  /** Ten minutes: anything longer is not a latency but a broken clock. */
  static final double MAX_MS = 600_000;
  static final String[] PARTS = {"roundTripMs", "captureEncodeMs", "networkServerMs", "decodeDrawMs"};
  private static final Map<String, Double> NUMBERS = Map.of("receivedFps", 1000.0, "quality", 1.0,
      "longSide", 8192.0, "fps", 1000.0);

  private ClientStatsMessage() {
  }

  /** The known fields only, checked; the unknown ones are left behind. */
  static TextMessage.ClientStats parse(JsonObject json) throws TextMessage.Invalid {
    JsonObject known = new JsonObject();
    for (String part : PARTS) {
      Object value = json.getValue(part);
      if (value == null) {
        continue;
      }
      if (!(value instanceof JsonObject percentiles)) {
        throw invalid("'" + part + "' must be an object of p50 and p95");
      }
      known.put(part, new JsonObject().put("p50", number(percentiles, "p50", part + ".p50", MAX_MS))
          .put("p95", number(percentiles, "p95", part + ".p95", MAX_MS)));
    }
    for (Map.Entry<String, Double> field : NUMBERS.entrySet()) {
      if (json.getValue(field.getKey()) != null) {
        known.put(field.getKey(), number(json, field.getKey(), field.getKey(), field.getValue()));
      }
    }
    return new TextMessage.ClientStats(known);
  }

  private static double number(JsonObject json, String key, String name, double max) throws TextMessage.Invalid {
    if (!(json.getValue(key) instanceof Number number) || !(number.doubleValue() >= 0 && number.doubleValue() <= max)) {
      throw invalid("'" + name + "' must be a number from 0 to " + (long) max);
    }
    return number.doubleValue();
  }

  private static TextMessage.Invalid invalid(String message) {
    return new TextMessage.Invalid(ErrorCode.BAD_MESSAGE, message, null);
  }
}
