package dev.livelens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.livelens.metrics.PipelineMetrics.DropReason;
import dev.livelens.metrics.PipelineMetrics.Stage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The snapshot's arithmetic, with the clock given by the test. */
class SnapshotSamplerTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final PipelineMetrics metrics = new PipelineMetrics(registry);
  private final SnapshotSampler sampler = new SnapshotSampler(registry);

  @Test
  void countersBecomeRatesPerSecondOverTheTimeBetweenSamples() {
    metrics.workersDeployed(2);
    sampler.sample(SECOND, 1000);
    repeat(10, () -> metrics.received("edges"));
    repeat(8, () -> metrics.processed("edges"));
    repeat(2, () -> metrics.dropped("edges", DropReason.REPLACED));
    metrics.workerBusy(SECOND / 2);

    JsonObject snapshot = sampler.sample(SECOND + SECOND / 2, 1500);

    assertEquals(0.5, snapshot.getDouble("interval"));
    assertEquals(20.0, snapshot.getDouble("framesIn"));
    assertEquals(16.0, snapshot.getDouble("framesOut"));
    assertEquals(new JsonObject().put("replaced", 4.0).put("socket_full", 0.0).put("error", 0.0).put("closed", 0.0)
        .put("late", 0.0).put("memory", 0.0), snapshot.getJsonObject("drops"));
    JsonObject edges = snapshot.getJsonObject("filters").getJsonObject("edges");
    assertEquals(20.0, edges.getDouble("in"));
    assertEquals(16.0, edges.getDouble("out"));
    assertEquals(4.0, edges.getJsonObject("drops").getDouble("replaced"));
    assertEquals(0.5, snapshot.getJsonObject("workers").getDouble("utilisation"), "0.5 s busy in 0.5 s, over 2 workers");
    assertEquals(10, snapshot.getJsonObject("totals").getLong("received"));
    assertEquals(8, snapshot.getJsonObject("totals").getLong("processed"));
    assertEquals(2, snapshot.getJsonObject("totals").getJsonObject("dropped").getLong("replaced"));
  }

  @Test
  void firstSampleOnlySetsTheBaseline() {
    repeat(10, () -> metrics.received("edges"));

    JsonObject first = sampler.sample(SECOND, 1000);

    assertEquals(0.0, first.getDouble("framesIn"));
    assertEquals(10, first.getJsonObject("totals").getLong("received"));
    assertEquals(0.0, sampler.sample(2 * SECOND, 2000).getDouble("framesIn"));
  }

  @Test
  void gaugesAreReadAsTheyStand() {
    metrics.sessionOpened();
    metrics.sessionOpened();
    metrics.frameDispatched();
    metrics.workersDeployed(3);

    JsonObject snapshot = sampler.sample(SECOND, 1000);

    assertEquals(2, snapshot.getLong("sessions"));
    assertEquals(1, snapshot.getLong("inFlight"));
    assertEquals(3, snapshot.getJsonObject("workers").getLong("count"));
  }

  @Test
  void stagePercentilesAreMillisecondsAndGoBlankOnceTheStageIsIdle() {
    sampler.sample(SECOND, 1000);
    repeat(20, () -> metrics.stage("edges", Stage.TOTAL, TimeUnit.MILLISECONDS.toNanos(5)));

    JsonArray busy = latency(sampler.sample(2 * SECOND, 2000), "total");
    for (int i = 0; i < 3; i++) {
      assertEquals(5.0, busy.getDouble(i), 0.1);
    }
    long idleLater = 2 * SECOND + PipelineMetrics.PERCENTILE_WINDOW.toNanos() + SECOND;
    assertNull(latency(sampler.sample(idleLater, 14000), "total"));
  }

  @Test
  void eventBusCountersAreSummedOverBothSidesPerAddress() {
    sampler.sample(SECOND, 1000);
    registry.counter("vertx.eventbus.sent", "address", "livelens.frames", "side", "local").increment(3);
    registry.counter("vertx.eventbus.sent", "address", "livelens.frames", "side", "remote").increment(1);
    registry.counter("vertx.eventbus.reply.failures", "address", "livelens.frames", "failure", "TIMEOUT").increment(2);
    AtomicInteger pending = registry.gauge("vertx.eventbus.pending", io.micrometer.core.instrument.Tags.of(
        "address", "livelens.frames", "side", "local"), new AtomicInteger(7));

    JsonObject frames = sampler.sample(3 * SECOND, 3000).getJsonObject("eventBus").getJsonObject("livelens.frames");

    assertEquals(2.0, frames.getDouble("sent"));
    assertEquals(1.0, frames.getDouble("replyFailures"));
    assertEquals(pending.get(), frames.getDouble("pending"));
  }

  private static JsonArray latency(JsonObject snapshot, String stage) {
    return snapshot.getJsonObject("filters").getJsonObject("edges").getJsonObject("latency").getJsonArray(stage);
  }

  private static void repeat(int times, Runnable action) {
    for (int i = 0; i < times; i++) {
      action.run();
    }
  }
}
