package dev.livelens.cluster;

import dev.livelens.config.ClusterConfig;
import dev.livelens.metrics.VertxWithMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Vert.x joined to the cluster: Hazelcast keeps the membership and who consumes which address, and the
 * event bus carries messages between nodes over its own TCP connections. The only place that knows
 * Hazelcast; without --cluster nothing here runs.
 */
public final class ClusteredVertx {

  private ClusteredVertx() {
  }

  /** Blocks on the host name lookup: call it before any event loop matters (from main or a test). */
  public static Future<Vertx> start(PrometheusMeterRegistry registry, ClusterConfig cluster) {
    String address;
    try {
      address = InetAddress.getByName(cluster.host()).getHostAddress();
    } catch (UnknownHostException e) {
      return Future.failedFuture(new IllegalArgumentException("--cluster-host " + cluster.host() + " is unknown"));
    }
    HazelcastClusterManager manager = new HazelcastClusterManager(HazelcastSettings.of(cluster, address));
    // The event bus listens on the same host, on a free port it publishes through Hazelcast.
    EventBusOptions eventBus = new EventBusOptions().setHost(address).setPort(0);
    return VertxWithMetrics.builder(registry, new VertxOptions().setEventBusOptions(eventBus))
        .withClusterManager(manager)
        .buildClustered()
        .onSuccess(vertx -> manager.getHazelcastInstance().getCluster()
            .addMembershipListener(MembershipNotices.on(vertx)));
  }
}
