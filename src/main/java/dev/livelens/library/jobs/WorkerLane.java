package dev.livelens.library.jobs;

import dev.livelens.bus.Addresses;
import dev.livelens.bus.FrameFailure;
import dev.livelens.bus.FrameMessage;
import dev.livelens.filter.FilterState;
import dev.livelens.media.Cancel;
import dev.livelens.media.MediaException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's frames to the job workers ({@link Addresses#JOB_FRAMES}), never to the live workers: the job
 * workers run below live work, so under live load the job slows down instead of the streams. Each frame
 * is a future; a frame no job worker answered (none there yet, or one so starved that its deadline
 * passed) is sent again after a pause on a timer, so no thread ever waits for a worker.
 */
final class WorkerLane {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerLane.class);
  /** A job worker that takes the frame up later than this drops it unanswered, and the lane sends it again. */
  static final long DEADLINE_MS = 30_000;
  private static final long REPLY_TIMEOUT_MS = DEADLINE_MS + 5_000;
  static final long RETRY_MS = 500;
  /** One frame unanswered this long: no job worker is there for it (a cluster without worker nodes). */
  static final long GIVE_UP_MS = 5 * 60_000;

  private final Vertx vertx;
  private final String stream;
  private final String filter;
  private final JsonObject params;
  private final FilterState state;
  private final Cancel cancel;

  WorkerLane(Vertx vertx, String stream, String filter, JsonObject params, FilterState state, Cancel cancel) {
    this.vertx = vertx;
    this.stream = stream;
    this.filter = filter;
    this.params = params;
    this.state = state;
    this.cancel = cancel;
  }

  /** The processed JPEG of this frame, once a job worker had time for it. */
  Future<byte[]> process(long frameId, byte[] jpeg) {
    return attempt(frameId, Buffer.buffer(jpeg), System.currentTimeMillis());
  }

  private Future<byte[]> attempt(long frameId, Buffer jpeg, long firstSentAt) {
    if (cancel.cancelled()) {
      return Future.failedFuture(new Cancel.Cancelled());
    }
    long sentAt = System.currentTimeMillis();
    JsonObject carried = state.next(params);
    FrameMessage frame = FrameMessage.frame(stream, frameId, filter, params, sentAt, 0, jpeg)
        .toWorker(carried, sentAt + DEADLINE_MS);
    return vertx.eventBus().<FrameMessage>request(Addresses.JOB_FRAMES, frame, FrameMessage.options(REPLY_TIMEOUT_MS))
        .map(reply -> {
          state.learn(carried, reply.body().result().report());
          return reply.body().jpeg().getBytes();
        })
        .recover(error -> {
          if (!retryable(error) || System.currentTimeMillis() - firstSentAt > GIVE_UP_MS) {
            LOG.info("job {}: frame {} could not be processed: {}", stream, frameId, error.toString());
            return Future.failedFuture(new MediaException("the filter " + filter + " could not process frame "
                + frameId + " of the video: try again, or another filter"));
          }
          return vertx.timer(RETRY_MS).compose(paused -> attempt(frameId, jpeg, firstSentAt));
        });
  }

  /** Late, no job worker, or no answer in time: the workers are away or busy, not the frame bad. */
  private static boolean retryable(Throwable error) {
    return FrameFailure.of(error).map(f -> f == FrameFailure.LATE).orElse(error instanceof ReplyException reply
        && (reply.failureType() == ReplyFailure.TIMEOUT || reply.failureType() == ReplyFailure.NO_HANDLERS));
  }
}
