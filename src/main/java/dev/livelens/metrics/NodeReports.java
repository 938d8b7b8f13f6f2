package dev.livelens.metrics;

import dev.livelens.bus.Addresses;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Publishes what this node does, once a second, for every HTTP node's dashboard: its workers and their
 * load, the frames they answered, and the streams' frames and drops if it serves sockets. Every node
 * runs one, whatever its role; without a cluster the publication stays in this JVM.
 */
public final class NodeReports {

  private final SnapshotSampler sampler;
  private final String node;
  private final String role;

  private NodeReports(MeterRegistry registry, String node, String role) {
    this.sampler = new SnapshotSampler(registry);
    this.node = node;
    this.role = role;
  }

  public static void start(Vertx vertx, MeterRegistry registry, String node, String role) {
    NodeReports reports = new NodeReports(registry, node, role);
    reports.sampler.sample(System.nanoTime(), System.currentTimeMillis());
    vertx.setPeriodic(DashboardFeed.PERIOD_MS, id -> vertx.eventBus().publish(Addresses.NODE_REPORTS,
        reports.summary(reports.sampler.sample(System.nanoTime(), System.currentTimeMillis()))));
  }

  /** The node's line in the dashboard's node table, from its own snapshot. */
  JsonObject summary(JsonObject snapshot) {
    JsonObject workers = snapshot.getJsonObject("workers");
    JsonObject frames = workers.getJsonObject("frames");
    double drops = snapshot.getJsonObject("drops").stream().mapToDouble(e -> ((Number) e.getValue()).doubleValue())
        .sum();
    return new JsonObject()
        .put("node", node)
        .put("role", role)
        .put("t", snapshot.getLong("t"))
        .put("workers", workers.getLong("count"))
        .put("utilisation", workers.getDouble("utilisation"))
        .put("processed", frames.getDouble("processed"))
        .put("late", frames.getDouble("late"))
        .put("sessions", snapshot.getLong("sessions"))
        .put("framesIn", snapshot.getDouble("framesIn"))
        .put("framesOut", snapshot.getDouble("framesOut"))
        .put("drops", Math.round(drops * 100) / 100.0)
        .put("cpu", snapshot.getJsonObject("cpu").getDouble("process"));
  }
}
