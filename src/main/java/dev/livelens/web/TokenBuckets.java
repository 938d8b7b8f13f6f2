package dev.livelens.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a person, an address): {@code burst} at once, then {@code perSecond}. One node's
 * count, safe from every event loop: each key's bucket is replaced whole, one atomic step per take. Keys
 * whose buckets are full again are forgotten once there are too many, never the spent ones.
 */
public final class TokenBuckets<K> {

  private static final int REMEMBERED = 100_000;

  private final double burst;
  private final double perNano;

  /** Tokens left when they were counted, and how long the take that made it must wait (0: taken). */
  private record Bucket(double tokens, long atNanos, long waitNanos) {
  }

  private final Map<K, Bucket> buckets = new ConcurrentHashMap<>();

  public TokenBuckets(int burst, double perSecond) {
    this.burst = burst;
    this.perNano = perSecond / 1e9;
  }

  /** Takes one token of {@code key}'s; 0 when taken, else the nanoseconds until one is there (none taken). */
  public long take(K key, long nowNanos) {
    Bucket after = buckets.compute(key, (k, before) -> {
      double tokens = before == null ? burst
          : Math.min(burst, before.tokens() + (nowNanos - before.atNanos()) * perNano);
      return tokens < 1 ? new Bucket(tokens, nowNanos, (long) Math.ceil((1 - tokens) / perNano))
          : new Bucket(tokens - 1, nowNanos, 0);
    });
    if (buckets.size() > REMEMBERED) {
      buckets.values().removeIf(b -> b.tokens() >= burst - 1);
    }
    return after.waitNanos();
  }
}
