package dev.livelens.upload;

import dev.livelens.web.Failures;
import dev.livelens.library.Permissions;
import dev.livelens.web.SignedInUsers;
import io.vertx.core.http.HttpVersion;
import dev.livelens.web.ApiErrors;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The tus 1.0 server at {@code /api/uploads}: OPTIONS, creation (POST), HEAD, PATCH (in
 * {@link PatchRequest}) and termination (DELETE). Errors carry the usual JSON body besides their tus status.
 */
public final class UploadRoutes {

  static final String PATH = "/api/uploads";

  private final Uploads uploads;
  private final SignedInUsers users;

  private UploadRoutes(Uploads uploads, SignedInUsers users) {
    this.uploads = uploads;
    this.users = users;
  }

  /** Mount before the catch-all static handler. */
  static void mount(Router router, Uploads uploads, SignedInUsers users) {
    UploadRoutes routes = new UploadRoutes(uploads, users);
    router.options(PATH).handler(UploadRoutes::options);
    router.options(PATH + "/:id").handler(UploadRoutes::options);
    router.route(PATH).handler(UploadRoutes::requireTus);
    router.route(PATH + "/:id").handler(UploadRoutes::requireTus);
    router.route(PATH + "/:id").handler(routes::creatorOnly);
    router.post(PATH).handler(routes::create);
    router.head(PATH + "/:id").handler(routes::head);
    router.patch(PATH + "/:id").handler(ctx -> new PatchRequest(ctx, uploads).handle());
    router.delete(PATH + "/:id").handler(routes::delete);
  }

  private static void options(RoutingContext ctx) {
    ctx.response().setStatusCode(204)
        .putHeader("Tus-Resumable", Tus.VERSION)
        .putHeader("Tus-Version", Tus.VERSION)
        .putHeader("Tus-Extension", Tus.EXTENSIONS)
        .putHeader("Tus-Checksum-Algorithm", Tus.CHECKSUM_ALGORITHMS)
        .end();
  }

  /** Every tus request but OPTIONS names the protocol version; the answer always does. */
  private static void requireTus(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    response.putHeader("Tus-Resumable", Tus.VERSION).putHeader("Cache-Control", "no-store");
    if (!Tus.VERSION.equals(ctx.request().getHeader("Tus-Resumable"))) {
      ctx.request().resume();
      response.putHeader("Tus-Version", Tus.VERSION);
      ApiErrors.send(ctx, 412, "tus_version", "send the header Tus-Resumable: " + Tus.VERSION);
      return;
    }
    ctx.next();
  }

  /** A stopping node takes no new upload or chunk: 503, to be tried again later, here or on another node. */
  static boolean refusedWhileStopping(RoutingContext ctx, Uploads uploads) {
    if (!uploads.chunks().stopping()) {
      return false;
    }
    ctx.response().putHeader("Retry-After", Tus.RETRY_AFTER_SECONDS);
    ApiErrors.send(ctx, 503, Tus.STOPPING_CODE, Tus.STOPPING);
    return true;
  }

  private void create(RoutingContext ctx) {
    if (refusedWhileStopping(ctx, uploads)) {
      return;
    }
    long length = Tus.number(ctx.request().getHeader("Upload-Length"));
    boolean deferred = "1".equals(ctx.request().getHeader("Upload-Defer-Length"));
    String metadata = ctx.request().getHeader("Upload-Metadata");
    long max = uploads.storage().maxUploadBytes();
    if (length == -2 || (length == -1) == !deferred) {
      ApiErrors.send(ctx, 400, "bad_length", "send either Upload-Length (a whole number of bytes) "
          + "or Upload-Defer-Length: 1");
    } else if (length > max) {
      ctx.response().putHeader("Tus-Max-Size", String.valueOf(max));
      ApiErrors.send(ctx, 413, "too_large", "the largest upload is " + max + " bytes");
    } else if (metadata != null && !Tus.validMetadata(metadata)) {
      ApiErrors.send(ctx, 400, "bad_metadata", "Upload-Metadata must be comma-separated 'key base64value' pairs");
    } else {
      users.orGuest(ctx).compose(maker -> uploads.create(deferred ? Upload.DEFERRED : length,
          metadata == null ? "" : metadata, ctx.request().remoteAddress().hostAddress(), maker.id()))
          .onSuccess(upload ->
          ctx.response().setStatusCode(201).putHeader("Location", PATH + "/" + upload.id())
              .putHeader("Upload-Expires", Tus.httpDate(upload.expiresAt())).end())
          .onFailure(error -> Failures.answer(ctx, error));
    }
  }

  /**
   * Only whoever created an upload (an account or a guest identity) reaches it: to anyone else it does not
   * exist (the upload URL alone is no credential). Uploads begun before owners are anyone's.
   */
  private void creatorOnly(RoutingContext ctx) {
    Upload upload = uploads.find(ctx.pathParam("id"));
    if (upload == null || upload.ownerId() == null || Permissions.owns(upload.ownerId(), users.of(ctx.request()))) {
      ctx.next();
      return;
    }
    if (!ctx.request().isEnded() && ctx.request().version() != HttpVersion.HTTP_2) {
      ctx.response().putHeader("Connection", "close"); // the refused PATCH's body is not read
    }
    ApiErrors.send(ctx, 404, "not_found", "there is no upload at this address; start a new upload");
  }

  private void head(RoutingContext ctx) {
    Upload upload = found(ctx);
    if (upload == null) {
      return;
    }
    describe(ctx.response(), upload);
    if (!upload.metadata().isEmpty()) {
      ctx.response().putHeader("Upload-Metadata", upload.metadata());
    }
    ctx.response().setStatusCode(200).end();
  }

  /** What HEAD and PATCH answers say of an upload: its offset, length, expiry and, once complete, its video. */
  static void describe(HttpServerResponse response, Upload upload) {
    response.putHeader("Upload-Offset", String.valueOf(upload.offset()));
    if (upload.lengthKnown()) {
      response.putHeader("Upload-Length", String.valueOf(upload.length()));
    } else {
      response.putHeader("Upload-Defer-Length", "1");
    }
    if (upload.videoId() != null) {
      response.putHeader(Tus.VIDEO_ID_HEADER, upload.videoId());
    } else {
      response.putHeader("Upload-Expires", Tus.httpDate(upload.expiresAt()));
    }
  }

  private void delete(RoutingContext ctx) {
    Upload upload = found(ctx);
    if (upload == null) {
      return;
    }
    if (!uploads.lock(upload.id())) {
      ApiErrors.send(ctx, 423, "locked", "a PATCH is still writing to this upload; try again when it ends");
      return;
    }
    uploads.delete(upload.id()).onComplete(done -> uploads.unlock(upload.id()))
        .onSuccess(done -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  /** The upload the path names, or null after answering 404 (never existed, or forgotten) or 410 (expired). */
  static Upload found(RoutingContext ctx, Uploads uploads) {
    String id = ctx.pathParam("id");
    Upload upload = uploads.find(id);
    if (upload == null) {
      ApiErrors.send(ctx, 404, "not_found", "there is no upload at this address; start a new upload");
      return null;
    }
    if (upload.goneAt(System.currentTimeMillis())) {
      ApiErrors.send(ctx, 410, "expired", "this upload expired unfinished after "
          + uploads.storage().uploadExpiryHours() + " hours without progress; start a new upload");
      return null;
    }
    return upload;
  }

  private Upload found(RoutingContext ctx) {
    return found(ctx, uploads);
  }
}
