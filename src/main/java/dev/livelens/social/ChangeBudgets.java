package dev.livelens.social;

import dev.livelens.web.Failures;
import dev.livelens.web.Problem;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How fast one address may like, unlike, follow, unfollow and link replies: a token bucket per address (a
 * visitor without a cookie becomes a new guest with each like, so a per-person budget would bound nothing).
 * One node's budgets, used by every event loop's routes; a refusal is 429 {@code rate_limited}.
 */
final class ChangeBudgets implements Handler<RoutingContext> {

  /** Changes one address may make at once: a hundred people behind one address liking together. */
  static final int BURST = 200;
  static final double PER_SECOND = 20.0;
  private static final int REMEMBERED = 100_000;

  /** Tokens left and when they were counted; replaced whole, so each update is one atomic step. */
  private record Bucket(double tokens, long atNanos, boolean took) {
  }

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

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
    Bucket after = buckets.compute(address, (key, before) -> {
      double tokens = before == null ? BURST
          : Math.min(BURST, before.tokens() + (nowNanos - before.atNanos()) / 1e9 * PER_SECOND);
      return tokens < 1 ? new Bucket(tokens, nowNanos, false) : new Bucket(tokens - 1, nowNanos, true);
    });
    if (buckets.size() > REMEMBERED) {
      buckets.values().removeIf(b -> b.tokens() >= BURST - 1); // forget the full ones, not the spent ones
    }
    return after.took();
  }
}
