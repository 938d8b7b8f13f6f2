package dev.livelens.stream;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of frames held for the workers by every connection together (in flight and waiting). Each
 * connection's share is bounded by its slots, but 2000 connections times three 4 MiB frames is 24 GiB:
 * this bounds the total, and a frame that does not fit is a counted drop.
 */
public final class PendingBytes {

  private final long limit;
  private final AtomicLong held = new AtomicLong();

  public PendingBytes(long limit) {
    this.limit = limit;
  }

  /** Takes room for {@code bytes}; false, taking nothing, when that would pass the limit. */
  boolean tryReserve(int bytes) {
    long after = held.addAndGet(bytes);
    if (after > limit) {
      held.addAndGet(-bytes);
      return false;
    }
    return true;
  }

  void release(int bytes) {
    held.addAndGet(-bytes);
  }

  /** Bytes held now, for the metrics. */
  public long held() {
    return held.get();
  }
}
