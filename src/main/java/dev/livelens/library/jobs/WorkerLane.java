package dev.livelens.library.jobs;

import dev.livelens.bus.Addresses;
import dev.livelens.bus.FrameFailure;
import dev.livelens.bus.FrameMessage;
import dev.livelens.filter.FilterState;
import dev.livelens.media.Cancel;
import dev.livelens.media.MediaException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A job's frames to the same workers as live streams, behind them: one frame in flight, a deadline
 * shorter than a live frame's (under load a worker drops the job's frame first), and a pause whenever
 * the workers show a queue (the frame waited for a worker, or was dropped late). It needs no shared
 * counter, so it works unchanged with workers in other JVMs. Runs on a worker thread: it blocks.
 */
final class WorkerLane {

  /** A job's frame not taken up by a worker this soon after it was sent is dropped and sent again later. */
  static final long DEADLINE_MS = 60;
  /** Waiting longer than this for a worker means the workers have a queue. */
  static final long BUSY_WAIT_MS = 10;
  static final long PAUSE_MS = 100;
  private static final long REPLY_TIMEOUT_MS = 10_000;
  /** A frame dropped this often in a row: the workers are saturated for minutes, the job gives up. */
  private static final int MAX_TRIES = 3000;

  private final EventBus bus;
  private final String stream;
  private final String filter;
  private final JsonObject params;
  private final FilterState state;
  private final Cancel cancel;

  WorkerLane(EventBus bus, String stream, String filter, JsonObject params, FilterState state, Cancel cancel) {
    this.bus = bus;
    this.stream = stream;
    this.filter = filter;
    this.params = params;
    this.state = state;
    this.cancel = cancel;
  }

  /** The processed JPEG of this frame, once a worker had time for it. */
  byte[] process(long frameId, byte[] jpeg) throws InterruptedException {
    for (int tries = 1; ; tries++) {
      cancel.check();
      long sentAt = System.currentTimeMillis();
      JsonObject carried = state.next(params);
      FrameMessage frame = FrameMessage.frame(stream, frameId, filter, params, sentAt, 0, Buffer.buffer(jpeg))
          .toWorker(carried, sentAt + DEADLINE_MS);
      try {
        FrameMessage reply = bus.<FrameMessage>request(Addresses.FRAMES, frame, FrameMessage.options(REPLY_TIMEOUT_MS))
            .toCompletionStage().toCompletableFuture().get(REPLY_TIMEOUT_MS + 1000, TimeUnit.MILLISECONDS).body();
        state.learn(carried, reply.result().report());
        long waited = System.currentTimeMillis() - sentAt - reply.result().workerNanos() / 1_000_000;
        if (waited > BUSY_WAIT_MS) {
          Thread.sleep(Math.min(PAUSE_MS, waited * 2));
        }
        return reply.jpeg().getBytes();
      } catch (ExecutionException | TimeoutException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (!retryable(cause) || tries >= MAX_TRIES) {
          throw new MediaException("frame " + frameId + " could not be processed: " + cause.getMessage());
        }
        Thread.sleep(PAUSE_MS);
      }
    }
  }

  /** Late, no worker, or no answer in time: the workers are busy, not the frame bad. */
  private static boolean retryable(Throwable error) {
    return FrameFailure.of(error).map(f -> f == FrameFailure.LATE).orElse(
        error instanceof ReplyException || error instanceof TimeoutException);
  }
}
