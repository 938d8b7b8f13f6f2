package dev.livelens.social;

import dev.livelens.web.Failures;
import dev.livelens.web.Problem;
import dev.livelens.web.TokenBuckets;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * How fast one address may like, unlike, follow, unfollow and link replies: a token bucket per address (a
 * visitor without a cookie becomes a new guest with each like, so a per-person budget would bound nothing).
 * One node's budgets, used by every event loop's routes; a refusal is 429 {@code rate_limited}.
 */
final class ChangeBudgets implements Handler<RoutingContext> {

  /** Changes one address may make at once: a hundred people behind one address liking together. */
  static final int BURST = 200;
  static final double PER_SECOND = 20.0;

  private final TokenBuckets<String> buckets = new TokenBuckets<>(BURST, PER_SECOND);

  @Override
  public void handle(RoutingContext ctx) {
    if (tryTake(ctx.request().remoteAddress().hostAddress(), System.nanoTime())) {
      ctx.next();
    } else {
      Failures.answer(ctx, new Problem(429, "rate_limited", "too many likes, follows or replies from your address "
          + "at once: wait a second and try again").withHeader("Retry-After", "1"));
    }
  }

  boolean tryTake(String address, long nowNanos) {
    return buckets.take(address, nowNanos) == 0;
  }
}
