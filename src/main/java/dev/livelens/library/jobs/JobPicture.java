package dev.livelens.library.jobs;

import dev.livelens.bus.BackgroundReader;
import dev.livelens.library.MediaStore;
import dev.livelens.library.Video;
import dev.livelens.web.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;

/**
 * The picture a processing job shows behind the person ({@code replace-background} with its image on),
 * sent as the {@code picture} file of a multipart request: read as a stream's background picture is
 * ({@link BackgroundReader}), and kept beside the new video's files, where {@link ProcessWork} reads it.
 */
final class JobPicture {

  static final String FIELD = "picture";

  /** What a multipart request may add to the picture's bytes: the job's JSON and the parts' headers. */
  private static final int FORM_OVERHEAD = 64 * 1024;

  private final Vertx vertx;
  private final MediaStore store;
  private final int maxBytes;
  private final BackgroundReader reader;

  /** With the limits a stream's frames and background pictures have: {@code --max-frame-bytes} etc. */
  JobPicture(Vertx vertx, MediaStore store, int maxBytes, int maxImageSide, long timeoutMs) {
    this.vertx = vertx;
    this.store = store;
    this.maxBytes = maxBytes;
    this.reader = new BackgroundReader(vertx.eventBus(), maxImageSide, timeoutMs);
  }

  /** The largest processing request with a picture. */
  long requestLimit() {
    return (long) maxBytes + FORM_OVERHEAD;
  }

  /** Whether the request sent a picture. */
  boolean sent(RoutingContext ctx) {
    return upload(ctx) != null;
  }

  private static FileUpload upload(RoutingContext ctx) {
    return ctx.fileUploads().stream().filter(file -> FIELD.equals(file.name())).findFirst().orElse(null);
  }

  /** The request's picture as the JPEG to keep, or null when it sent none. */
  Future<Buffer> read(RoutingContext ctx) {
    FileUpload upload = upload(ctx);
    if (upload == null) {
      return Future.succeededFuture();
    }
    return vertx.fileSystem().readFile(upload.uploadedFileName()).compose(reader::read)
        .recover(error -> Future.failedFuture(error instanceof BackgroundReader.Refused why
            ? new Problem(why.busy() ? 503 : 422, why.busy() ? "busy" : "bad_picture", why.getMessage())
            : error));
  }

  /** Keeps {@code jpeg} with the video's files, before its job is queued. */
  Future<Void> keep(Video video, Buffer jpeg) {
    Path path = store.background(video.id());
    return vertx.fileSystem().mkdirs(path.getParent().toString())
        .compose(made -> vertx.fileSystem().writeFile(path.toString(), jpeg));
  }

  /** The picture kept for this video's job. */
  Future<Buffer> kept(String videoId) {
    return vertx.fileSystem().readFile(store.background(videoId).toString());
  }
}
