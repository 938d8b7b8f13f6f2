package dev.livelens.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The node's meter registry: every meter on it, Vert.x's and ours, carries the node's name as {@code node}. */
public final class NodeRegistry {

  private NodeRegistry() {
  }

  /** Made before Vert.x, since a common tag only reaches the meters registered after it. */
  public static PrometheusMeterRegistry create(String nodeName) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("node", nodeName);
    return registry;
  }
}
