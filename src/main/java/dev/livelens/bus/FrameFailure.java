package dev.livelens.bus;

import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.Arrays;
import java.util.Optional;

/**
 * Why a worker answered a frame without an image: the failure codes of bus replies, in one place.
 * The numbers cross between JVMs that may run different versions: never renumber one, only add.
 */
public enum FrameFailure {
  /** The frame waited past its deadline and was dropped unprocessed: a drop, not an error. */
  LATE(299),
  /** The bytes did not decode as the JPEG their header promised. */
  BAD_FRAME(400),
  /** The worker has no filter of that name (a node running another version). */
  UNKNOWN_FILTER(403),
  /** The server failed on this frame (a filter threw). */
  INTERNAL(406);

  private final int code;

  FrameFailure(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** Answers {@code message} with this failure. */
  public void reply(Message<?> message, String text) {
    message.fail(code, text);
  }

  /** The failure a worker reported, if {@code error} is one (not a timeout or a missing worker). */
  public static Optional<FrameFailure> of(Throwable error) {
    if (error instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      return Arrays.stream(values()).filter(f -> f.code == reply.failureCode()).findFirst();
    }
    return Optional.empty();
  }
}
