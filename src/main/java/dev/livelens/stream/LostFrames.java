package dev.livelens.stream;

import dev.livelens.bus.Addresses;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers the frames a worker node took with it when it left the cluster, instead of letting each wait
 * for its --frame-timeout-ms. The event bus gives no sign for them: their request was written to the
 * node's socket before it died, and one written to it afterwards fails its write without failing the
 * request. So when a node leaves, every frame still unanswered past the time a live worker would have
 * answered it (its --max-wait-ms to be taken up, plus {@link #PROCESSING_MS} to be processed) is
 * answered as lost, for a few seconds while the bus forgets the node. A frame wrongly taken for lost
 * still gets exactly one answer: the first one. One per server, shared by its streams; a pass-through
 * when Vert.x is not clustered.
 */
public final class LostFrames {

  /**
   * Time a live worker needs once it has taken a frame up, with room for a loaded machine; a frame
   * slower than this in the seconds after a node left is answered as lost (an error, not a wrong image).
   */
  static final long PROCESSING_MS = 250;
  /** How long after a node leaves frames are checked: the bus may still pick it for a moment. */
  static final long WATCH_MS = 3000;
  private static final long SWEEP_EVERY_MS = 50;

  /** A frame sent to a worker and not yet answered. */
  private record Tracked(Promise<?> answer, Context context, long sentAtMs) {
  }

  private final Vertx vertx;
  private final long lostAfterMs;
  private final Set<Tracked> unanswered = ConcurrentHashMap.newKeySet();
  private long watchUntilMs;
  private long sweeper = -1;

  private LostFrames(Vertx vertx, long lostAfterMs) {
    this.vertx = vertx;
    this.lostAfterMs = lostAfterMs;
  }

  /** Starts listening, on the calling context, for nodes leaving (published by the cluster package). */
  public static LostFrames start(Vertx vertx, int maxWaitMs) {
    LostFrames lost = new LostFrames(vertx, maxWaitMs + PROCESSING_MS);
    if (vertx.isClustered()) {
      Context context = vertx.getOrCreateContext();
      vertx.eventBus().<String>localConsumer(Addresses.NODE_LEFT, node -> context.runOnContext(v -> lost.watch()));
    }
    return lost;
  }

  /** The worker's answer, or a {@link NodeLeftException} if its node left with the frame. */
  <T> Future<T> track(Future<T> reply) {
    if (!vertx.isClustered()) {
      return reply;
    }
    Promise<T> answer = Promise.promise();
    Tracked frame = new Tracked(answer, vertx.getOrCreateContext(), System.currentTimeMillis());
    unanswered.add(frame);
    reply.onComplete(result -> {
      unanswered.remove(frame);
      if (result.succeeded()) {
        answer.tryComplete(result.result());
      } else {
        answer.tryFail(result.cause());
      }
    });
    return answer.future();
  }

  private void watch() {
    watchUntilMs = System.currentTimeMillis() + WATCH_MS;
    if (sweeper == -1) {
      sweeper = vertx.setPeriodic(SWEEP_EVERY_MS, id -> sweep());
    }
  }

  private void sweep() {
    long now = System.currentTimeMillis();
    for (Tracked frame : unanswered) {
      if (now - frame.sentAtMs() > lostAfterMs && unanswered.remove(frame)) {
        frame.context().runOnContext(v -> frame.answer().tryFail(new NodeLeftException()));
      }
    }
    if (now > watchUntilMs) {
      vertx.cancelTimer(sweeper);
      sweeper = -1;
    }
  }

  /** The frame was at a worker node that left the cluster (it died or was stopped). */
  static final class NodeLeftException extends RuntimeException {
    NodeLeftException() {
      super("the worker node holding this frame left the cluster", null, false, false);
    }
  }
}
