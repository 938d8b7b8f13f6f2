package dev.livelens.upload;

import dev.livelens.web.ApiErrors;
import dev.livelens.web.EarlyAnswers;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PATCH: checks it against the upload, holds the upload's lock, streams the body to the data file
 * through a {@link ChunkWriter} (the request paused whenever the writer's queue is full), then keeps or
 * discards what came and answers with the offset that is now on disk. Event loop only.
 */
final class PatchRequest {

  private static final Logger LOG = LoggerFactory.getLogger(PatchRequest.class);

  private final RoutingContext ctx;
  private final HttpServerRequest request;
  private final Uploads uploads;
  private Upload upload;
  /** The checksum the headers declare, or null. */
  private Tus.Checksum checksum;
  /** The upload's length once this PATCH is kept: its own, or the one this PATCH declares. */
  private long newLength;
  private long limit;
  /** Why the body was cut short (413, 507, 503 when the node stops), or null. */
  private Refusal refusal;
  private boolean settled;
  private ChunkWriter writer;
  private ChunksInFlight.Chunk inFlight;

  private record Refusal(int status, String code, String message) {
  }

  PatchRequest(RoutingContext ctx, Uploads uploads) {
    this.ctx = ctx;
    this.request = ctx.request();
    this.uploads = uploads;
  }

  void handle() {
    request.pause(); // nothing of the body is read before there is a file to write it to
    EarlyAnswers.closeAfterTheBody(ctx);
    if (UploadRoutes.refusedWhileStopping(ctx, uploads)) {
      return;
    }
    upload = UploadRoutes.found(ctx, uploads);
    PatchHeaders headers = upload == null ? null : PatchHeaders.check(ctx, upload, uploads.storage().maxUploadBytes());
    if (headers == null) {
      return;
    }
    checksum = headers.checksum();
    newLength = headers.newLength();
    if (!uploads.lock(upload.id())) {
      ApiErrors.send(ctx, 423, "locked", "another PATCH is writing to this upload; wait for it, then ask HEAD "
          + "for the offset");
      return;
    }
    inFlight = uploads.chunks().begin(this::cutShort);
    upload = uploads.find(upload.id()); // what the PATCH that held the lock last left
    long offset = Tus.number(request.getHeader("Upload-Offset"));
    if (offset != upload.offset()) {
      refuse(409, "wrong_offset", "the upload is at offset " + upload.offset() + ", not " + offset
          + "; ask HEAD for the offset and send from there");
      return;
    }
    long declared = Tus.number(request.getHeader("Content-Length"));
    long max = uploads.storage().maxUploadBytes();
    if (declared >= 0 && upload.offset() + declared > max) {
      refuse(413, "too_large", "the largest upload is " + max + " bytes");
      return;
    }
    if (newLength != Upload.DEFERRED && declared >= 0 && upload.offset() + declared > newLength) {
      refuse(400, "past_length", "this chunk would go past the upload's length of " + newLength + " bytes");
      return;
    }
    uploads.quota().remaining().onComplete(remaining -> {
      if (remaining.failed()) {
        abandon(remaining.cause());
      } else if (declared > remaining.result()) {
        refuse(507, "disk_full", "the server has no room for this chunk; what was sent before is kept, try later");
      } else {
        long toLength = newLength == Upload.DEFERRED ? max : newLength;
        limit = Math.min(toLength - upload.offset(), remaining.result());
        receive();
      }
    });
  }

  private void receive() {
    ChunkWriter.open(uploads.pool(), uploads.files().data(upload.id()), upload.offset(),
        checksum == null ? null : checksum.digest()).onFailure(this::abandon).onSuccess(opened -> {
          writer = opened;
          if (refusal != null) {
            settle(writer); // cut short (the node is stopping) before a byte was read
            return;
          }
          writer.drainHandler(request::resume);
          request.handler(chunk -> take(writer, chunk));
          request.endHandler(end -> settle(writer));
          request.exceptionHandler(error -> settle(writer)); // the client went away: keep what may be kept
          if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            ctx.response().writeContinue();
          }
          request.resume();
        });
  }

  private void take(ChunkWriter writer, Buffer chunk) {
    if (refusal != null) {
      return;
    }
    long room = limit - writer.received();
    if (chunk.length() > room) {
      boolean quota = upload.offset() + writer.received() + chunk.length() <= uploads.storage().maxUploadBytes()
          && (newLength == Upload.DEFERRED || upload.offset() + writer.received() + chunk.length() <= newLength);
      refusal = quota ? new Refusal(507, "disk_full", "the server ran out of room for this upload; what was "
          + "received is kept, try later")
          : new Refusal(413, "too_large", "the upload would pass its length or the largest upload allowed");
      writer.write(chunk.slice(0, (int) Math.max(0, room)));
      request.handler(null);
      settle(writer);
      return;
    }
    writer.write(chunk);
    if (writer.full()) {
      request.pause();
    }
  }

  /** The body ended, was cut short, or the client left: keep what may be kept, save, answer. */
  private void settle(ChunkWriter writer) {
    if (settled) {
      return;
    }
    settled = true;
    writer.drained().transform(drained -> {
      long keep = keep(writer, drained.cause());
      return writer.close(keep).map(keep);
    }).compose(this::commit).onComplete(done -> {
      if (done.failed()) {
        fail(done.cause());
      }
      release();
    });
  }

  /** The node is stopping and the body is still coming: keep what landed, answer 503 with that offset. */
  private void cutShort() {
    if (settled || refusal != null) {
      return;
    }
    ctx.response().putHeader("Retry-After", Tus.RETRY_AFTER_SECONDS);
    refusal = new Refusal(503, Tus.STOPPING_CODE, Tus.STOPPING);
    if (writer != null) {
      request.handler(null);
      settle(writer);
    }
  }

  private void release() {
    uploads.unlock(upload.id());
    inFlight.end();
  }

  /** Without a checksum, whatever landed is kept (tus asks servers to); with one, all or nothing. */
  private long keep(ChunkWriter writer, Throwable failure) {
    if (failure != null) {
      LOG.warn("upload {}: writing failed after {} bytes: {}", upload.id(), writer.written(), failure.toString());
      refusal = ChunkWriter.isDiskFull(failure) ? new Refusal(507, "disk_full", "the server's disk is full; what "
          + "was received is kept, try later") : new Refusal(500, "internal", "the server could not store the chunk");
    }
    if (checksum == null) {
      return writer.written();
    }
    if (refusal != null || !request.isEnded()) {
      return 0;
    }
    if (!checksum.matches(writer.digest())) {
      refusal = new Refusal(Tus.CHECKSUM_MISMATCH, "checksum_mismatch", "the chunk's checksum does not match; "
          + "it was discarded, send it again");
      return 0;
    }
    return writer.written();
  }

  private Future<Void> commit(long kept) {
    uploads.quota().add(kept);
    long offset = upload.offset() + kept;
    boolean lengthApplies = refusal == null && request.isEnded();
    long length = lengthApplies ? newLength : upload.length();
    long expires = System.currentTimeMillis() + uploads.expiryMs();
    Future<Upload> saved = kept == 0 && length == upload.length() ? Future.succeededFuture(upload)
        : uploads.save(upload.withProgress(offset, length, expires));
    return saved.compose(now -> now.complete() && now.videoId() == null ? uploads.toVideo(now).map(video -> uploads.find(now.id()))
        : Future.succeededFuture(now)).map(now -> {
          answer(now);
          return null;
        });
  }

  private void answer(Upload now) {
    UploadRoutes.describe(ctx.response(), now);
    if (refusal != null) {
      ApiErrors.send(ctx, refusal.status(), refusal.code(), refusal.message());
    } else if (!ctx.response().closed()) {
      ctx.response().setStatusCode(204).end();
    }
  }

  private void refuse(int status, String code, String message) {
    release();
    ctx.response().putHeader("Upload-Offset", String.valueOf(upload.offset()));
    ApiErrors.send(ctx, status, code, message);
  }

  private void abandon(Throwable error) {
    fail(error);
    release();
  }

  private void fail(Throwable error) {
    LOG.warn("upload {}: PATCH failed: {}", upload.id(), error.toString());
    ApiErrors.send(ctx, 500, "internal", "the server could not store the chunk; ask HEAD for the offset and retry");
  }
}
