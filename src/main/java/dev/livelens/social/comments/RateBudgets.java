package dev.livelens.social.comments;

import dev.livelens.web.Problem;
import dev.livelens.web.TokenBuckets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How many more of something (comments, reports) each key (a person, an address) may send: a token bucket
 * per key, {@code burst} at once then {@code perMinute}. One node's count, used from every event loop; a
 * cluster's nodes count apart, so a person spread over n nodes gets n times the rate at most.
 */
public final class RateBudgets {

  private final TokenBuckets<String> buckets;
  private final String what;

  /** @param what the plural in the refusal ("comments from this address") */
  public RateBudgets(int burst, int perMinute, String what) {
    this.buckets = new TokenBuckets<>(burst, perMinute / 60.0);
    this.what = what;
  }

  /** Takes one from {@code key}'s budget; a 429 {@code rate_limited} with Retry-After when it is spent. */
  public void take(String key, long nowMs) {
    long waitMs = buckets.take(key, nowMs * 1_000_000) / 1_000_000;
    if (waitMs > 0) {
      long seconds = Math.max(1, (waitMs + 999) / 1000);
      throw new Problem(429, "rate_limited", "too many " + what + " in a short time; try again in " + seconds
          + " seconds").withHeader("Retry-After", String.valueOf(seconds)).with("retryAfterSeconds", seconds)
          .with("retryAt", Instant.ofEpochMilli(nowMs).plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS).toString());
    }
  }
}
