package dev.livelens.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The pipeline's own meters, tagged by filter. Names and meanings are listed in docs/metrics.md;
 * Prometheus adds the {@code _total} and {@code _seconds} suffixes.
 */
public final class PipelineMetrics {

  /** Why a frame got no image reply. */
  public enum DropReason {
    /** A newer frame from the same connection took its place while it waited. */
    REPLACED("replaced"),
    /** The connection's write queue was full when its reply was ready. */
    SOCKET_FULL("socket_full"),
    /** It was answered with an error message instead. */
    ERROR("error"),
    /** Its connection closed while it waited or was at a worker. */
    CLOSED("closed"),
    /** It waited longer than max-wait-ms for a worker and was dropped unprocessed (overload). */
    LATE("late"),
    /** The frames held for the workers by all connections together filled --max-pending-bytes. */
    MEMORY("memory");

    final String tag;

    DropReason(String tag) {
      this.tag = tag;
    }
  }

  /** The stages a frame passes; "total" runs from the frame's arrival to its reply being written. */
  public enum Stage {
    QUEUE("queue"), DECODE("decode"), FILTER("filter"), ENCODE("encode"), REPLY("reply"), TOTAL("total");

    final String tag;

    Stage(String tag) {
      this.tag = tag;
    }
  }

  /** Stage percentiles describe the frames of at most this long ago (Micrometer rotates half of it at a time). */
  static final Duration PERCENTILE_WINDOW = Duration.ofSeconds(10);
  private static final String CHAIN_STAGE = "chain-stage/";

  private final MeterRegistry registry;
  private final AtomicInteger sessions = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger workers = new AtomicInteger();
  private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();
  private final Counter workerBusy;

  public PipelineMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("livelens.sessions", sessions, AtomicInteger::get)
        .description("Stream connections open now").register(registry);
    Gauge.builder("livelens.frames.in.flight", inFlight, AtomicInteger::get)
        .description("Frames sent to a worker and not yet answered").register(registry);
    Gauge.builder("livelens.workers", workers, AtomicInteger::get)
        .description("OpenCV worker verticles deployed now").register(registry);
    workerBusy = Counter.builder("livelens.worker.busy.seconds")
        .description("Time workers spent processing frames; its rate over the worker count is utilisation")
        .register(registry);
  }

  /** A constant 1 tagged with what this node runs, so a scrape says which node it came from. */
  public void describeNode(String role) {
    Gauge.builder("livelens.node", () -> 1).description("This node; its role tag says what it runs")
        .tag("role", role).register(registry);
  }

  /** Frame bytes held for the workers by all stream connections together. */
  public void pendingBytes(LongSupplier held) {
    Gauge.builder("livelens.frames.pending.bytes", held, h -> h.getAsLong())
        .description("Frame bytes held for the workers by all connections (bounded by --max-pending-bytes)")
        .baseUnit("bytes").register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void sessionOpened() {
    sessions.incrementAndGet();
  }

  public void sessionClosed() {
    sessions.decrementAndGet();
  }

  public void frameDispatched() {
    inFlight.incrementAndGet();
  }

  public void frameReturned() {
    inFlight.decrementAndGet();
  }

  public void received(String filter) {
    counter("livelens.frames.received", "Frames that arrived on stream sockets", filter, null).increment();
  }

  public void processed(String filter) {
    counter("livelens.frames.processed", "Frames answered with a processed image", filter, null).increment();
  }

  public void dropped(String filter, DropReason reason) {
    counter("livelens.frames.dropped", "Frames that got no image reply, by reason", filter, reason.tag)
        .increment();
  }

  public void stage(String filter, Stage stage, long nanos) {
    timers.computeIfAbsent(filter + '/' + stage.tag, key -> Timer.builder("livelens.stage")
        .description("Time a frame spends in each stage of the pipeline")
        .tags("filter", filter, "stage", stage.tag)
        .publishPercentiles(0.5, 0.95, 0.99)
        .distributionStatisticExpiry(PERCENTILE_WINDOW)
        .distributionStatisticBufferLength(2)
        .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * One stage of a chain: the time its filter took on a frame the chain processed, tagged by that filter's
   * name (the chain's own {@link #stage} meters hold its decode, encode and total as for any filter).
   */
  public void chainStage(String filter, long nanos) {
    timers.computeIfAbsent(CHAIN_STAGE + filter, key -> Timer.builder("livelens.chain.stage")
        .description("Time each filter of a chain took on a frame, by filter")
        .tags("filter", filter)
        .publishPercentiles(0.5, 0.95, 0.99)
        .distributionStatisticExpiry(PERCENTILE_WINDOW)
        .distributionStatisticBufferLength(2)
        .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * What {@code filter} has cost a frame on this node's streams so far: its mean filter time, alone and as a
   * stage of chains together, and over how many frames; {"ms":null,"frames":0} before its first frame.
   */
  public JsonObject filterCost(String filter) {
    Timer alone = timers.get(filter + '/' + Stage.FILTER.tag);
    Timer chained = timers.get(CHAIN_STAGE + filter);
    long frames = (alone == null ? 0 : alone.count()) + (chained == null ? 0 : chained.count());
    double totalMs = (alone == null ? 0 : alone.totalTime(TimeUnit.MILLISECONDS))
        + (chained == null ? 0 : chained.totalTime(TimeUnit.MILLISECONDS));
    return new JsonObject().put("ms", frames == 0 ? null : Math.round(totalMs / frames * 100) / 100.0)
        .put("frames", frames);
  }

  /**
   * What one page reported of one part of its round trip (a clientStats message): its p50 and p95,
   * each recorded once, so the meter's percentiles describe the pages' reports.
   */
  public void clientLatency(String part, double p50Ms, double p95Ms) {
    clientTimer(part, "p50").record((long) (p50Ms * 1e6), TimeUnit.NANOSECONDS);
    clientTimer(part, "p95").record((long) (p95Ms * 1e6), TimeUnit.NANOSECONDS);
  }

  private Timer clientTimer(String part, String stat) {
    return timers.computeIfAbsent("client/" + part + '/' + stat, key -> Timer.builder("livelens.client.latency")
        .description("What pages report of their round trip, by part: each report's p50 and p95")
        .tags("part", part, "stat", stat)
        .publishPercentiles(0.5, 0.95, 0.99)
        .distributionStatisticExpiry(PERCENTILE_WINDOW)
        .distributionStatisticBufferLength(2)
        .register(registry));
  }

  public void workersDeployed(int count) {
    workers.set(count);
  }

  public void workerBusy(long nanos) {
    workerBusy.increment(nanos / 1e9);
  }

  /** The job worker's time, kept apart so that the live workers' utilisation stays theirs alone. */
  public void jobWorkerBusy(long nanos) {
    counters.computeIfAbsent("livelens.job.worker.busy.seconds", key -> Counter.builder(key)
        .description("Time this node's job worker spent on the library's job frames (below live work)")
        .register(registry)).increment(nanos / 1e9);
  }

  /**
   * A frame this node's workers answered, by outcome: processed, late (refused unprocessed past its
   * deadline) or failed. Counted where the worker runs, so a cluster's scrape tells each node's share.
   */
  public void workerAnswered(String outcome) {
    counters.computeIfAbsent("livelens.worker.frames/" + outcome, key -> Counter.builder("livelens.worker.frames")
        .description("Frames this node's workers answered, by outcome (processed, late, failed)")
        .tag("outcome", outcome).register(registry)).increment();
  }

  private Counter counter(String name, String description, String filter, String reason) {
    String key = name + '/' + filter + '/' + reason;
    return counters.computeIfAbsent(key, k -> {
      Counter.Builder builder = Counter.builder(name).description(description).tag("filter", filter);
      if (reason != null) {
        builder.tag("reason", reason);
      }
      return builder.register(registry);
    });
  }
}
