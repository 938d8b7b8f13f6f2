package dev.livelens.analytics;

/** A token bucket of events per second for one connection: a player sends a few a second, a flood is refused. */
final class EventBudget {

  private final double perSecond;
  private double tokens;
  private long last = Long.MIN_VALUE;

  EventBudget(int perSecond) {
    this.perSecond = perSecond;
    this.tokens = perSecond * 2.0; // a reconnect may send what was kept while the socket was down
  }

  boolean tryTake(int events, long nowNanos) {
    if (last != Long.MIN_VALUE) {
      tokens = Math.min(perSecond * 2.0, tokens + (nowNanos - last) / 1e9 * perSecond);
    }
    last = nowNanos;
    if (events > tokens) {
      return false;
    }
    tokens -= events;
    return true;
  }
}
