package dev.livelens.stream;

/** Allows at most n text messages in each one-second window of one connection. */
final class TextRateLimiter {

  private static final long WINDOW_NANOS = 1_000_000_000L;

  private final int perSecond;
  /** Start of the current window; none yet until the first message (nanoTime's origin is arbitrary). */
  private boolean started;
  private long windowStart;
  private int used;

  TextRateLimiter(int perSecond) {
    this.perSecond = perSecond;
  }

  boolean tryAcquire(long nowNanos) {
    if (!started || nowNanos - windowStart >= WINDOW_NANOS) {
      started = true;
      windowStart = nowNanos;
      used = 0;
    }
    return ++used <= perSecond;
  }
}
