package dev.livelens.web;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the server refuses, for a reason a person can act on: its HTTP status, its error code and
 * message, and any headers or JSON fields that say more (when to come back). Thrown or failed with
 * anywhere in a feature; the router's {@link Failures} answers it as {@code {"error","message",...}}. A
 * socket sends the same code and message as an error message.
 */
public class Problem extends RuntimeException {

  private final int status;
  private final String code;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final JsonObject details = new JsonObject();

  public Problem(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static Problem notFound(String message) {
    return new Problem(404, "not_found", message);
  }

  public static Problem badRequest(String code, String message) {
    return new Problem(400, code, message);
  }

  /** The same problem answered with this header too (Retry-After, Tus-Max-Size, …). */
  public Problem withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** The same problem with one more JSON field beside error and message. */
  public Problem with(String field, Object value) {
    details.put(field, value);
    return this;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, String> headers() {
    return Map.copyOf(headers);
  }

  public JsonObject toJson() {
    return new JsonObject().put("error", code).put("message", getMessage()).mergeIn(details);
  }
}
