package dev.livelens.stream;

import dev.livelens.bus.FrameMessage;
import dev.livelens.filter.FilterState;
import dev.livelens.metrics.PipelineMetrics.DropReason;
import java.util.function.BiConsumer;

/**
 * One connection's frames held for the workers: at most {@code maxInFlight} at a worker and one
 * waiting, a newer frame replacing the waiting one (newest wins), and every byte counted against the
 * server-wide {@link PendingBytes}. Used on the connection's event loop only.
 */
final class FrameSlots {

  /**
   * A frame accepted from the client and not yet answered.
   *
   * @param json whether it came as a JSON {@code frame} message and must be answered the same way
   * @param arrivedNanos when it arrived, for the server time
   * @param filterState the state of the filter selection it arrived under, which it takes its state from
   *     as it goes to a worker and which learns from its answer
   */
  record Pending(FrameMessage frame, boolean json, long arrivedNanos, FilterState filterState) {
    int bytes() {
      return frame.jpeg().length();
    }
  }

  private final int maxInFlight;
  private final PendingBytes budget;
  private int inFlight;
  private Pending waiting;

  FrameSlots(int maxInFlight, PendingBytes budget) {
    this.maxInFlight = maxInFlight;
    this.budget = budget;
  }

  /**
   * Takes a new frame. Returns it when it may go to a worker now (it then counts as in flight), or null
   * when it waits or was dropped; every frame dropped here, this one or the one it replaced, goes to {@code drop}.
   */
  Pending offer(Pending frame, BiConsumer<Pending, DropReason> drop) {
    boolean sendNow = inFlight < maxInFlight;
    if (!sendNow && waiting != null) {
      Pending replaced = waiting;
      waiting = null;
      budget.release(replaced.bytes());
      drop.accept(replaced, DropReason.REPLACED);
    }
    if (!budget.tryReserve(frame.bytes())) {
      drop.accept(frame, DropReason.MEMORY);
      return null;
    }
    if (sendNow) {
      inFlight++;
      return frame;
    }
    waiting = frame;
    return null;
  }

  /** A frame at a worker came back. Returns the waiting frame when it may go now (it then counts as in flight). */
  Pending finished(Pending frame) {
    inFlight--;
    budget.release(frame.bytes());
    if (waiting == null) {
      return null;
    }
    Pending next = waiting;
    waiting = null;
    inFlight++;
    return next;
  }

  /** Empties the waiting slot (the connection closed); returns what waited, or null. */
  Pending clear() {
    Pending left = waiting;
    waiting = null;
    if (left != null) {
      budget.release(left.bytes());
    }
    return left;
  }

  /** Frames held: at the workers and waiting. */
  int held() {
    return inFlight + (waiting == null ? 0 : 1);
  }
}
