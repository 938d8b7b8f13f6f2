package dev.livelens.rooms;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * How many chat messages each person may still send: a token bucket per user (all their tabs on this
 * node together), so one person cannot flood a room or another person. Used on one event loop.
 */
final class ChatBudgets {

  static final int BURST = 10;
  static final double PER_SECOND = 2.0;

  /** Tokens left and when they were counted; replaced whole, so each user's update is one atomic step. */
  private record Bucket(double tokens, long atNanos, boolean took) {
  }

  /** One node's budgets, used from every event loop's sockets. */
  private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

  /** Takes one message from the user's budget; false when it is spent. */
  boolean tryTake(long userId, long nowNanos) {
    Bucket after = buckets.compute(userId, (id, before) -> {
      double tokens = before == null ? BURST
          : Math.min(BURST, before.tokens() + (nowNanos - before.atNanos()) / 1e9 * PER_SECOND);
      return tokens < 1 ? new Bucket(tokens, nowNanos, false) : new Bucket(tokens - 1, nowNanos, true);
    });
    if (buckets.size() > 100_000) {
      buckets.values().removeIf(b -> b.tokens() >= BURST - 1); // forget the full ones, not the spent ones
    }
    return after.took();
  }
}
