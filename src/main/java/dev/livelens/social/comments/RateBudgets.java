package dev.livelens.social.comments;

import dev.livelens.web.Problem;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many more of something (comments, reports) each key (a person, an address) may send: a token bucket
 * per key, {@code burst} at once then {@code perMinute}. One node's count, used from every event loop; a
 * cluster's nodes count apart, so a person spread over n nodes gets n times the rate at most.
 */
public final class RateBudgets {

  private final int burst;
  private final double perMs;
  private final String what;

  /** Tokens left and when they were counted; replaced whole, so each key's update is one atomic step. */
  private record Bucket(double tokens, long atMs, long waitMs) {
  }

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** @param what the plural in the refusal ("comments from this address") */
  public RateBudgets(int burst, int perMinute, String what) {
    this.burst = burst;
    this.perMs = perMinute / 60_000.0;
    this.what = what;
  }

  /** Takes one from {@code key}'s budget; a 429 {@code rate_limited} with Retry-After when it is spent. */
  public void take(String key, long nowMs) {
    Bucket after = buckets.compute(key, (k, before) -> {
      double tokens = before == null ? burst : Math.min(burst, before.tokens() + (nowMs - before.atMs()) * perMs);
      return tokens < 1 ? new Bucket(tokens, nowMs, (long) Math.ceil((1 - tokens) / perMs))
          : new Bucket(tokens - 1, nowMs, 0);
    });
    if (buckets.size() > 100_000) {
      buckets.values().removeIf(b -> b.tokens() >= burst - 1); // forget the nearly full ones, not the spent ones
    }
    if (after.waitMs() > 0) {
      long seconds = Math.max(1, (after.waitMs() + 999) / 1000);
      throw new Problem(429, "rate_limited", "too many " + what + " in a short time; try again in " + seconds
          + " seconds").withHeader("Retry-After", String.valueOf(seconds)).with("retryAfterSeconds", seconds)
          .with("retryAt", Instant.ofEpochMilli(nowMs).plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS).toString());
    }
  }
}
