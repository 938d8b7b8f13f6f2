package dev.livelens.stream;

import dev.livelens.bus.Addresses;
import dev.livelens.bus.FrameFailure;
import dev.livelens.bus.FrameMessage;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

/** Sends frames to whichever worker the event bus picks, and says what a failed answer means for the client. */
final class WorkerDispatch {

  /** Why a frame came back without an image: an error for the client, or, when {@code code} is null, a late drop. */
  record Failure(ErrorCode code, String message) {
    boolean late() {
      return code == null;
    }
  }

  private final EventBus eventBus;
  private final LostFrames lostFrames;
  private final int frameTimeoutMs;
  private final int maxWaitMs;

  WorkerDispatch(EventBus eventBus, LostFrames lostFrames, int frameTimeoutMs, int maxWaitMs) {
    this.eventBus = eventBus;
    this.lostFrames = lostFrames;
    this.frameTimeoutMs = frameTimeoutMs;
    this.maxWaitMs = maxWaitMs;
  }

  /**
   * Sends a frame with the state its filter carries; the worker drops it unprocessed if it waits more
   * than max-wait-ms from now, the reply is the processed frame.
   */
  Future<FrameMessage> send(FrameMessage frame, JsonObject filterState) {
    FrameMessage request = frame.toWorker(filterState, System.currentTimeMillis() + maxWaitMs);
    return lostFrames.track(eventBus.<FrameMessage>request(Addresses.FRAMES, request,
        FrameMessage.options(frameTimeoutMs)).map(Message::body));
  }

  Failure describe(Throwable error) {
    FrameFailure failure = FrameFailure.of(error).orElse(null);
    if (failure != null) {
      return switch (failure) {
        case LATE -> new Failure(null, error.getMessage());
        case BAD_FRAME -> new Failure(ErrorCode.BAD_FRAME, error.getMessage());
        case UNKNOWN_FILTER -> new Failure(ErrorCode.UNKNOWN_FILTER, error.getMessage());
        case INTERNAL -> new Failure(ErrorCode.INTERNAL, error.getMessage());
      };
    }
    if (error instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      return new Failure(ErrorCode.INTERNAL, reply.getMessage()); // a failure code this node does not know
    }
    if (error instanceof LostFrames.NodeLeftException) {
      return new Failure(ErrorCode.BUSY, error.getMessage());
    }
    if (error instanceof ReplyException reply) {
      return new Failure(ErrorCode.BUSY, switch (reply.failureType()) {
        case TIMEOUT -> "no worker answered within " + frameTimeoutMs + " ms";
        case NO_HANDLERS -> "no worker is available right now";
        default -> reply.getMessage();
      });
    }
    return new Failure(ErrorCode.BUSY, "the frame could not be sent to a worker");
  }
}
