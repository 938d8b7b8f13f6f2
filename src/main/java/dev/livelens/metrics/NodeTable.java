package dev.livelens.metrics;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The newest report of every node that reported lately ({@link NodeReports}), and the cluster's totals
 * made from them. A node silent for {@link #STALE_MS} has left or hangs: it is no longer shown.
 * Used on one context (the dashboard feed's).
 */
final class NodeTable {

  static final long STALE_MS = 5000;
  private static final List<String> SUMMED = List.of("workers", "processed", "late", "sessions", "framesIn",
      "framesOut", "drops");

  private final Map<String, JsonObject> latest = new TreeMap<>();
  private final Map<String, Long> heardAt = new TreeMap<>();

  void put(JsonObject report, long nowMs) {
    String node = report.getString("node");
    latest.put(node, report);
    heardAt.put(node, nowMs);
  }

  /** {"nodes":[...by name], "totals":{...}} of the nodes heard from within {@link #STALE_MS}. */
  JsonObject view(long nowMs) {
    heardAt.entrySet().removeIf(entry -> nowMs - entry.getValue() > STALE_MS && latest.remove(entry.getKey()) != null);
    JsonObject totals = new JsonObject().put("nodes", latest.size());
    SUMMED.forEach(field -> totals.put(field, 0.0));
    double busyWorkers = 0;
    for (JsonObject node : latest.values()) {
      SUMMED.forEach(field -> totals.put(field, totals.getDouble(field) + node.getDouble(field, 0.0)));
      busyWorkers += node.getDouble("utilisation", 0.0) * node.getDouble("workers", 0.0);
    }
    double workers = totals.getDouble("workers");
    totals.put("workers", (long) workers);
    totals.put("utilisation", workers > 0 ? Math.round(busyWorkers / workers * 1000) / 1000.0 : 0.0);
    return new JsonObject().put("nodes", new JsonArray(List.copyOf(latest.values()))).put("totals", totals);
  }
}
