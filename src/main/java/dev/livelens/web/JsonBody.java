package dev.livelens.web;

import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Locale;

/**
 * The body of a JSON API call, read up to a limit. It must say {@code Content-Type: application/json}
 * (else 415): a foreign page cannot send that without a CORS preflight, which this server never grants,
 * so no cross-site form can reach a JSON route.
 */
public final class JsonBody implements Handler<RoutingContext> {

  /** Where the route's limit waits for {@link Failures}, which words a 413 from the body handler. */
  static final String LIMIT_KEY = "livelens.bodyLimit";

  private final BodyHandler body;
  private final long limitBytes;

  public JsonBody(long limitBytes) {
    this.body = BodyHandler.create().setBodyLimit(limitBytes).setHandleFileUploads(false);
    this.limitBytes = limitBytes;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!isJson(ctx.request().getHeader("Content-Type"))) {
      ApiErrors.send(ctx, 415, "unsupported_media_type", "send the request body as JSON, with the header "
          + "Content-Type: application/json");
      return;
    }
    if (declaredLength(ctx) > limitBytes) {
      // Said before reading a byte; a body without a length that grows too large fails in the BodyHandler.
      ApiErrors.send(ctx, 413, "too_large", "the request body is larger than " + limitBytes + " bytes");
      return;
    }
    ctx.put(LIMIT_KEY, limitBytes);
    body.handle(ctx);
  }

  static long declaredLength(RoutingContext ctx) {
    try {
      String length = ctx.request().getHeader("Content-Length");
      return length == null ? -1 : Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The body as a JSON object; null when it is not one (bad JSON, an array, nothing). */
  public static JsonObject object(RoutingContext ctx) {
    try {
      return ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    return type.toLowerCase(Locale.ROOT).equals("application/json");
  }
}
