package dev.livelens;

import dev.livelens.http.HttpVerticle;
import dev.livelens.web.OpenSockets;
import dev.livelens.stream.StreamRecording;
import dev.livelens.upload.Uploads;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an HTTP node stops (SIGTERM): it takes no new connection, tells its stream and room clients it is
 * going away (1001: their pages reconnect, here after a restart or to another node), finishes its
 * recordings (closed and packaged, not left for the next start to recover) and the upload chunks being
 * written (their offsets saved), all at once and within one budget. Whatever is not done by then is left as
 * a crash would leave it, for the next start to recover. Vert.x is the caller's to close afterwards.
 */
final class GracefulStop {

  private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);
  /** Plain requests in flight are short: a connection still open after this (a job feed, a download) is cut. */
  static final long PLAIN_REQUESTS_MS = 1000;
  /** How long the sockets' close frames may take before the listeners close anyway: before a page's retry. */
  static final long TELL_FIRST_MS = 200;
  /** What a chunk cut short needs to save its offset and answer, taken off the budget for receiving. */
  static final long CHUNK_SAVE_MS = 1500;

  private GracefulStop() {
  }

  /**
   * @param recordings may be the unavailable kind (no FFmpeg); {@code uploads} null on a node without them
   * @return completes when everything is done or the budget is spent, never failed
   */
  static Future<Void> run(Vertx vertx, List<HttpVerticle> http, OpenSockets sockets, StreamRecording recordings,
      Uploads uploads, long budgetMs) {
    long started = System.nanoTime();
    LOG.info("Stopping: {} stream and room sockets to close, budget {} ms", sockets.count(), budgetMs);
    // Each step queues its work on the event loops at once, in this order: a recording ends for the server's
    // stop (its note says so) before its stream's close would end it; the sockets' close frames go before the
    // servers' shutdown reaches their connections (which would hold a close until the grace is over); the
    // listeners close well before a told page's first retry, so it does not find this node again.
    Future<Void> recorded = recordings.finishAll();
    Future<Void> told = sockets.closeAll();
    // The close frames first: a server's shutdown that reaches a socket before its 1001 holds that close
    // until the grace is over, and the page then sees a lost connection, not a restart.
    Future<Void> listeners = Future.any(told, vertx.timer(TELL_FIRST_MS)).transform(done ->
        Future.join(http.stream().map(verticle -> verticle.stopAccepting(budgetMs)).toList()).mapEmpty());
    Future<Void> chunks = uploads == null ? Future.succeededFuture()
        : uploads.finishInFlight(Math.max(0, budgetMs - CHUNK_SAVE_MS));
    Future<Void> requests = Future.any(listeners, vertx.timer(TELL_FIRST_MS + PLAIN_REQUESTS_MS)).mapEmpty();
    Future<Void> work = Future.join(List.of(told, recorded, chunks, requests)).transform(done -> {
      if (done.failed()) {
        LOG.warn("Stopping: {}", done.cause().toString());
      }
      return Future.<Void>succeededFuture();
    });
    return Future.any(work, vertx.timer(budgetMs)).map(done -> {
      LOG.info("Stopped {} in {} ms{}", work.isComplete() ? "cleanly" : "with work left",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), work.isComplete() ? ""
              : ": sockets told " + told.isComplete() + ", recordings finished " + recorded.isComplete()
              + ", chunks saved " + chunks.isComplete());
      return null;
    });
  }
}
