package dev.livelens.rooms;

import dev.livelens.web.TokenBuckets;

/**
 * How many chat messages each person may still send: a token bucket per user (all their tabs on this
 * node together), so one person cannot flood a room or another person. One node's count, used from
 * every event loop.
 */
final class ChatBudgets {

  static final int BURST = 10;
  static final double PER_SECOND = 2.0;

  /** One node's budgets, used from every event loop's sockets. */
  private final TokenBuckets<Long> buckets = new TokenBuckets<>(BURST, PER_SECOND);

  /** Takes one message from the user's budget; false when it is spent. */
  boolean tryTake(long userId, long nowNanos) {
    return buckets.take(userId, nowNanos) == 0;
  }
}
