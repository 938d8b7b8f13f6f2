package dev.livelens.stream;

/** Allows at most n text messages in each one-second window of one connection. */
final class TextRateLimiter {

  private final int perSecond;
  private long windowStart;
  private int used;

  TextRateLimiter(int perSecond) {
    this.perSecond = perSecond;
  }

  boolean tryAcquire(long nowNanos) {
    if (nowNanos - windowStart >= 1_000_000_000L) {
      windowStart = nowNanos;
      used = 0;
    }
    return ++used <= perSecond;
  }
}
