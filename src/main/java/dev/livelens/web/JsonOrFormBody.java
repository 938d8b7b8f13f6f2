package dev.livelens.web;

import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The body of an API call that may bring a file: JSON as every call ({@link JsonBody}), or
 * multipart/form-data with the same JSON in a form field and the files beside it. Files are streamed to
 * {@code uploads} (never held in memory), within the form's limit, and deleted when the request ends. A
 * cross-site form can send multipart, unlike JSON: {@link CsrfGuard} refuses it by its Origin.
 */
public final class JsonOrFormBody implements Handler<RoutingContext> {

  private final JsonBody json;
  private final BodyHandler form;
  private final long formLimitBytes;

  /** @param uploads an existing directory of the server's own, for the uploads while their request lasts */
  public JsonOrFormBody(long jsonLimitBytes, long formLimitBytes, Path uploads) {
    this.json = new JsonBody(jsonLimitBytes);
    this.form = BodyHandler.create(uploads.toString()).setBodyLimit(formLimitBytes).setHandleFileUploads(true)
        .setDeleteUploadedFilesOnEnd(true).setMergeFormAttributes(false);
    this.formLimitBytes = formLimitBytes;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!isForm(ctx.request().getHeader("Content-Type"))) {
      json.handle(ctx);
      return;
    }
    if (JsonBody.declaredLength(ctx) > formLimitBytes) {
      ApiErrors.send(ctx, 413, "too_large", "the request body is larger than " + formLimitBytes + " bytes");
      return;
    }
    ctx.put(JsonBody.LIMIT_KEY, formLimitBytes);
    form.handle(ctx);
  }

  /** The call's JSON: the body, or a form's {@code field}; null when it is not a JSON object. */
  public static JsonObject object(RoutingContext ctx, String field) {
    if (!isForm(ctx.request().getHeader("Content-Type"))) {
      return JsonBody.object(ctx);
    }
    String text = ctx.request().getFormAttribute(field);
    try {
      return text == null ? null : new JsonObject(text);
    } catch (DecodeException e) {
      return null;
    }
  }

  private static boolean isForm(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }
}
