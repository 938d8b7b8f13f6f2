package dev.livelens.upload;

import dev.livelens.web.ApiErrors;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * What a PATCH's headers say, checked against its upload before the upload is locked.
 *
 * @param newLength the upload's length once the PATCH is kept: its own, or the one the PATCH declares
 * @param checksum the checksum of the body, or null when none is sent
 */
record PatchHeaders(long newLength, Tus.Checksum checksum) {

  /** The headers, or null after answering why they make no sense. */
  static PatchHeaders check(RoutingContext ctx, Upload upload, long maxUploadBytes) {
    HttpServerRequest request = ctx.request();
    if (!Tus.CONTENT_TYPE.equals(request.getHeader("Content-Type"))) {
      ApiErrors.send(ctx, 415, "bad_content_type", "a PATCH body must have Content-Type: " + Tus.CONTENT_TYPE);
      return null;
    }
    if (Tus.number(request.getHeader("Upload-Offset")) < 0) {
      ApiErrors.send(ctx, 400, "bad_offset", "send Upload-Offset: the offset HEAD reported");
      return null;
    }
    long length = Tus.number(request.getHeader("Upload-Length"));
    if (length == -2 || (length >= 0 && upload.lengthKnown() && length != upload.length())
        || (length >= 0 && length < upload.offset())) {
      ApiErrors.send(ctx, 400, "bad_length", "Upload-Length may be sent once, when it was deferred, and not "
          + "below the offset");
      return null;
    }
    if (length > maxUploadBytes) {
      ApiErrors.send(ctx, 413, "too_large", "the largest upload is " + maxUploadBytes + " bytes");
      return null;
    }
    try {
      return new PatchHeaders(length >= 0 ? length : upload.length(),
          Tus.checksum(request.getHeader("Upload-Checksum")));
    } catch (IllegalArgumentException e) {
      ApiErrors.send(ctx, 400, "bad_checksum_header", e.getMessage());
      return null;
    }
  }
}
