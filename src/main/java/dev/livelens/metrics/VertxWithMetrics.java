package dev.livelens.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.Match;
import io.vertx.micrometer.MatchType;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;

/** Creates Vert.x with its Micrometer metrics going to the application's own registry. */
public final class VertxWithMetrics {

  /** A client may send any method name: past the standard ones, the {@code method} label says {@code other}. */
  private static final Match OTHER_METHODS = new Match().setDomain(MetricsDomain.HTTP_SERVER).setLabel("method")
      .setType(MatchType.REGEX).setValue("(?!(?:GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS|CONNECT|TRACE)$).*")
      .setAlias(AddressFamilies.OTHER);

  private VertxWithMetrics() {
  }

  /** JVM metrics (heap, GC, threads, CPU) come with Vert.x's; resident memory is added here. */
  public static Vertx create(PrometheusMeterRegistry registry) {
    return builder(registry, new VertxOptions()).build();
  }

  /**
   * The same metrics set-up on {@code options} (a clustered node adds its event bus's address), for a
   * caller that adds a cluster manager before building.
   */
  public static VertxBuilder builder(PrometheusMeterRegistry registry, VertxOptions options) {
    MicrometerMetricsOptions metricsOptions = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        // vertx-micrometer keeps one registry per name in the JVM: two nodes in one JVM (tests) would share one.
        .setRegistryName("livelens@" + Integer.toHexString(System.identityHashCode(registry)))
        .addLabels(Label.EB_ADDRESS)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true));
    AddressFamilies.matches().forEach(metricsOptions::addLabelMatch);
    metricsOptions.addLabelMatch(OTHER_METHODS);
    MicrometerMetricsFactory factory = new MicrometerMetricsFactory(registry);
    return Vertx.builder()
        .with(options.setMetricsOptions(metricsOptions))
        .withMetrics(vertxOptions -> {
          VertxMetrics metrics = factory.metrics(vertxOptions);
          // After Vert.x's label rules reach the registry: Micrometer wants every filter before the first meter.
          new ProcessMemoryMetrics().bindTo(registry);
          return metrics;
        });
  }
}
