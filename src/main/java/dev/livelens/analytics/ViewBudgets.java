package dev.livelens.analytics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many new views one client address may open: {@link #PER_ADDRESS} at once, then one every
 * {@link #REFILL_MS} (a person opens a handful of videos a minute; one socket made 120 views in 1.8 s
 * before). Node-wide, shared by every event loop; idle addresses are forgotten by {@link #prune}.
 */
final class ViewBudgets {

  static final int PER_ADDRESS = 60;
  static final long REFILL_MS = 1_000;
  /** New views one connection may open (a page reconnects with a new socket, resuming its view). */
  static final int PER_CONNECTION = 10;

  private record Bucket(double tokens, long at) {
  }

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** Takes one new view for {@code address}; false when its budget is spent. */
  boolean tryTake(String address, long nowMs) {
    boolean[] taken = new boolean[1];
    buckets.compute(address, (key, old) -> {
      double tokens = old == null ? PER_ADDRESS
          : Math.min(PER_ADDRESS, old.tokens() + (nowMs - old.at()) / (double) REFILL_MS);
      taken[0] = tokens >= 1;
      return new Bucket(taken[0] ? tokens - 1 : tokens, nowMs);
    });
    return taken[0];
  }

  /** Forgets addresses whose budget is full again. */
  void prune(long nowMs) {
    buckets.values().removeIf(b -> b.tokens() + (nowMs - b.at()) / (double) REFILL_MS >= PER_ADDRESS);
  }
}
