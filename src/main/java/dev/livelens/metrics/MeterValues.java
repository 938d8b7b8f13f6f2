package dev.livelens.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;

/** Reading one meter's number, and shaping numbers and names for the dashboard's snapshot. */
final class MeterValues {

  private MeterValues() {
  }

  static String key(Meter.Id id) {
    return id.getName() + id.getTags();
  }

  static double count(Meter meter) {
    if (meter instanceof Counter counter) {
      return counter.count();
    }
    if (meter instanceof FunctionCounter counter) {
      return counter.count();
    }
    if (meter instanceof Timer timer) {
      return timer.count();
    }
    return value(meter);
  }

  static double value(Meter meter) {
    return meter instanceof Gauge gauge ? gauge.value() : Double.NaN;
  }

  /** "reply.failures" → "replyFailures": the event-bus field names of the feed. */
  static String camelCase(String dotted) {
    StringBuilder out = new StringBuilder(dotted.length());
    boolean upper = false;
    for (char c : dotted.toCharArray()) {
      if (c == '.' || c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  static double round(double value, int scale) {
    return Double.isFinite(value) ? Math.round(value * scale) / (double) scale : value;
  }

  static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
