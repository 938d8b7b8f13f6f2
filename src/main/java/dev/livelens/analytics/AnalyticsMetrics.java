package dev.livelens.analytics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Watch events stored, by type, and refused, by reason: {@code livelens_watch_events_total} and
 * {@code _rejected_total}. A seek's wait is its own type, {@code waiting_after_seek}, apart from the stalls.
 */
final class AnalyticsMetrics {

  private final MeterRegistry registry;

  AnalyticsMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void stored(WatchEvent event) {
    Counter.builder("livelens.watch.events").description("Watch events received and checked, by type")
        .tag("type", event.afterSeek() ? "waiting_after_seek" : event.type()).register(registry).increment();
  }

  void rejected(String reason, int events) {
    Counter.builder("livelens.watch.events.rejected").description("Watch events refused, by reason")
        .tag("reason", reason).register(registry).increment(events);
  }
}
