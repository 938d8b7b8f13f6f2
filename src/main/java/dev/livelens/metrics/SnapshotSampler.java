package dev.livelens.metrics;

import static dev.livelens.metrics.MeterValues.camelCase;
import static dev.livelens.metrics.MeterValues.count;
import static dev.livelens.metrics.MeterValues.finite;
import static dev.livelens.metrics.MeterValues.key;
import static dev.livelens.metrics.MeterValues.round;
import static dev.livelens.metrics.MeterValues.value;

import dev.livelens.metrics.PipelineMetrics.DropReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Turns the registry into the dashboard's snapshot: one pass over the meters, counters turned into
 * rates over the time since the previous sample, latency percentiles in milliseconds. The field list
 * is in docs/metrics.md. Not thread-safe: one feed calls it from one thread.
 */
final class SnapshotSampler {

  private static final String EVENT_BUS_PREFIX = "vertx.eventbus.";

  private final MeterRegistry registry;
  private Map<String, Double> previousCounts = new HashMap<>();
  private final Map<String, Long> lastActiveNanos = new HashMap<>();
  private long previousNanos;

  SnapshotSampler(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The meters as they stand now; the first call only sets the baseline for the rates. */
  JsonObject sample(long nowNanos, long epochMillis) {
    Sample sample = new Sample(nowNanos, previousNanos == 0 ? 0 : (nowNanos - previousNanos) / 1e9);
    for (Meter meter : registry.getMeters()) {
      sample.read(meter);
    }
    previousCounts = sample.counts;
    previousNanos = nowNanos;
    return sample.toJson(epochMillis);
  }

  /** One reading of the registry; its counts become the next reading's baseline. */
  private final class Sample {
    private final long nowNanos;
    private final double seconds;
    private final Map<String, Double> counts = new HashMap<>();
    private final Map<String, Double> drops = new LinkedHashMap<>();
    private final JsonObject filters = new JsonObject();
    private final JsonObject eventBus = new JsonObject();
    private final JsonObject clients = new JsonObject();
    private final JsonObject totals = new JsonObject().put("received", 0L).put("processed", 0L);
    private final JsonObject totalDrops = new JsonObject();
    private double framesIn;
    private double framesOut;
    private double sessions;
    private double inFlight;
    private double busySeconds;
    private double workers;
    private final JsonObject worked = new JsonObject().put("processed", 0.0).put("late", 0.0).put("failed", 0.0);
    private double heapUsed;
    private double heapMax;
    private double rss = Double.NaN;
    private double processCpu = Double.NaN;
    private double processCpuSeconds = Double.NaN;
    private double systemCpu = Double.NaN;
    private double cpuCount = Runtime.getRuntime().availableProcessors();

    Sample(long nowNanos, double seconds) {
      this.nowNanos = nowNanos;
      this.seconds = seconds;
      for (DropReason reason : DropReason.values()) {
        drops.put(reason.tag, 0.0);
        totalDrops.put(reason.tag, 0L);
      }
      totals.put("dropped", totalDrops);
    }

    void read(Meter meter) {
      Meter.Id id = meter.getId();
      String name = id.getName();
      if (name.startsWith(EVENT_BUS_PREFIX) && id.getTag("address") != null) {
        readEventBus(meter, name.substring(EVENT_BUS_PREFIX.length()), id.getTag("address"));
        return;
      }
      switch (name) {
        case "livelens.frames.received" -> {
          double rate = rate(meter);
          framesIn += rate;
          filter(id).put("in", round(rate, 100));
          totals.put("received", totals.getLong("received") + (long) count(meter));
        }
        case "livelens.frames.processed" -> {
          double rate = rate(meter);
          framesOut += rate;
          filter(id).put("out", round(rate, 100));
          totals.put("processed", totals.getLong("processed") + (long) count(meter));
        }
        case "livelens.frames.dropped" -> {
          String reason = id.getTag("reason");
          double rate = rate(meter);
          drops.merge(reason, rate, Double::sum);
          totalDrops.put(reason, totalDrops.getLong(reason, 0L) + (long) count(meter));
          filterDrops(id).put(reason, round(rate, 100));
        }
        case "livelens.stage" -> latency(id).put(id.getTag("stage"), percentiles((Timer) meter));
        case "livelens.client.latency" -> clientPart(id).put(id.getTag("stat"), reported((Timer) meter));
        case "livelens.sessions" -> sessions = value(meter);
        case "livelens.frames.in.flight" -> inFlight = value(meter);
        case "livelens.worker.busy.seconds" -> busySeconds = rate(meter);
        case "livelens.workers" -> workers = value(meter);
        case "livelens.worker.frames" -> worked.put(id.getTag("outcome"), round(rate(meter), 100));
        case "jvm.memory.used" -> heapUsed += "heap".equals(id.getTag("area")) ? value(meter) : 0;
        case "jvm.memory.max" -> heapMax += "heap".equals(id.getTag("area")) ? Math.max(0, value(meter)) : 0;
        case "process.memory.rss" -> rss = value(meter);
        case "process.cpu.usage" -> processCpu = value(meter);
        case "process.cpu.time" -> processCpuSeconds = rate(meter) / 1e9;
        case "system.cpu.usage" -> systemCpu = value(meter);
        case "system.cpu.count" -> cpuCount = value(meter);
        default -> {
        }
      }
    }

    /** Counters become a rate summed over both sides (local, remote); gauges a value summed the same way. */
    private void readEventBus(Meter meter, String what, String address) {
      if (!(meter instanceof Gauge || meter instanceof Counter || meter instanceof FunctionCounter)) {
        return;
      }
      JsonObject entry = eventBus.getJsonObject(address);
      if (entry == null) {
        entry = new JsonObject();
        eventBus.put(address, entry);
      }
      String field = camelCase(what);
      double value = meter instanceof Gauge ? value(meter) : rate(meter);
      entry.put(field, round(entry.getDouble(field, 0.0) + value, 100));
    }

    /** The change of a counter since the previous sample, per second; 0 on the first sample. */
    private double rate(Meter meter) {
      double count = count(meter);
      String key = key(meter.getId());
      counts.put(key, count);
      if (seconds <= 0) {
        return 0;
      }
      return Math.max(0, count - previousCounts.getOrDefault(key, 0.0)) / seconds;
    }

    /**
     * p50, p95 and p99 in milliseconds, or null when the stage has seen no frame for longer than the
     * percentile window (then Micrometer reports zeros, which would read as "instant").
     */
    /**
     * A part of the pages' round trip as reported lately, or null: a report leaves the meter's window
     * 5 to 10 s after it came, and an empty window reads 0 ms, which no page ever measured.
     */
    private JsonArray reported(Timer timer) {
      JsonArray values = percentiles(timer);
      return values == null || values.stream().allMatch(v -> ((Number) v).doubleValue() == 0) ? null : values;
    }

    private JsonArray percentiles(Timer timer) {
      String key = key(timer.getId());
      double count = timer.count();
      if (count != previousCounts.getOrDefault(key, 0.0)) {
        lastActiveNanos.put(key, nowNanos);
      }
      counts.put(key, count);
      Long active = lastActiveNanos.get(key);
      if (active == null || nowNanos - active > PipelineMetrics.PERCENTILE_WINDOW.toNanos()) {
        return null;
      }
      JsonArray values = new JsonArray();
      for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
        values.add(round(value.value(TimeUnit.MILLISECONDS), 1000));
      }
      return values;
    }

    private JsonObject filter(Meter.Id id) {
      String name = id.getTag("filter");
      JsonObject entry = filters.getJsonObject(name);
      if (entry == null) {
        entry = new JsonObject().put("in", 0.0).put("out", 0.0).put("drops", new JsonObject())
            .put("latency", new JsonObject());
        filters.put(name, entry);
      }
      return entry;
    }

    private JsonObject clientPart(Meter.Id id) {
      String part = id.getTag("part");
      if (!clients.containsKey(part)) {
        clients.put(part, new JsonObject());
      }
      return clients.getJsonObject(part);
    }

    private JsonObject filterDrops(Meter.Id id) {
      return filter(id).getJsonObject("drops");
    }

    private JsonObject latency(Meter.Id id) {
      return filter(id).getJsonObject("latency");
    }

    JsonObject toJson(long epochMillis) {
      JsonObject dropRates = new JsonObject();
      drops.forEach((reason, rate) -> dropRates.put(reason, round(rate, 100)));
      double cpu = Double.isNaN(processCpuSeconds) || seconds <= 0
          ? processCpu : processCpuSeconds / seconds / cpuCount;
      return new JsonObject()
          .put("type", "snapshot")
          .put("t", epochMillis)
          .put("interval", round(seconds, 1000))
          .put("sessions", (long) sessions)
          .put("inFlight", (long) inFlight)
          .put("framesIn", round(framesIn, 100))
          .put("framesOut", round(framesOut, 100))
          .put("drops", dropRates)
          .put("workers", new JsonObject().put("count", (long) workers)
              .put("utilisation", workers > 0 ? round(Math.min(1, busySeconds / workers), 1000) : 0.0)
              .put("frames", worked))
          .put("cpu", new JsonObject().put("process", finite(round(cpu, 1000)))
              .put("system", finite(round(systemCpu, 1000))))
          .put("memory", new JsonObject().put("heapUsed", (long) heapUsed).put("heapMax", (long) heapMax)
              .put("rss", Double.isNaN(rss) ? null : (long) rss))
          .put("filters", filters)
          .put("eventBus", eventBus)
          .put("clients", clients)
          .put("totals", totals);
    }
  }
}
