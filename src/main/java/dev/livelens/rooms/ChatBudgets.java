package dev.livelens.rooms;

import java.util.HashMap;
import java.util.Map;

/**
 * How many chat messages each person may still send: a token bucket per user (all their tabs on this
 * node together), so one person cannot flood a room or another person. Used on one event loop.
 */
final class ChatBudgets {

  static final int BURST = 10;
  static final double PER_SECOND = 2.0;

  private final Map<Long, double[]> buckets = new HashMap<>();

  /** Takes one message from the user's budget; false when it is spent. */
  boolean tryTake(long userId, long nowNanos) {
    double[] bucket = buckets.computeIfAbsent(userId, id -> new double[] {BURST, nowNanos});
    bucket[0] = Math.min(BURST, bucket[0] + (nowNanos - (long) bucket[1]) / 1e9 * PER_SECOND);
    bucket[1] = nowNanos;
    if (bucket[0] < 1) {
      return false;
    }
    bucket[0] -= 1;
    if (buckets.size() > 100_000) {
      buckets.values().removeIf(b -> b[0] >= BURST - 1); // forget the full ones, not the spent ones
    }
    return true;
  }
}
