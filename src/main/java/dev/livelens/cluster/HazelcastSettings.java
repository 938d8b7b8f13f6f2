package dev.livelens.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import dev.livelens.config.ClusterConfig;

/**
 * Hazelcast's configuration, made in code from the node's options (no hazelcast.xml to find or
 * download): TCP-IP join to the listed members, multicast and cloud discovery off, and failure
 * detection tuned so a member that dies is out of the cluster within a couple of seconds.
 */
final class HazelcastSettings {

  /** Members of one LiveLens cluster, so a Hazelcast of another application on the network stays apart. */
  static final String CLUSTER_NAME = "livelens";

  private HazelcastSettings() {
  }

  /**
   * @param bindAddress the IP address of {@code --cluster-host}, resolved once at start
   */
  static Config of(ClusterConfig cluster, String bindAddress) {
    Config config = new Config();
    config.setClusterName(CLUSTER_NAME);
    config.setInstanceName("livelens-" + cluster.nodeName().replaceAll("[^A-Za-z0-9-]", "-"));
    // Hazelcast logs through SLF4J like the rest, does not phone home, and is stopped by Vert.x, not by its hook.
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    // Join at once instead of waiting 5 s for more members to show up: nodes start one by one.
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.max.wait.seconds.before.join", "1");
    // A heartbeat a second, a member silent for 3 s is dead; a closed connection that cannot be
    // re-opened (a killed process) is suspected after 3 faults 100 ms apart, well before that.
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "3");
    config.setProperty("hazelcast.connection.monitor.interval", "100");
    config.setProperty("hazelcast.connection.monitor.max.faults", "3");
    config.setProperty("hazelcast.socket.bind.any", "false");

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(cluster.port()).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface(bindAddress);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members()).setConnectionTimeoutSeconds(2);

    // What vertx-hazelcast's default-cluster.xml declares for its own structures.
    config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
        .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    config.getMapConfig("__vertx.haInfo").setBackupCount(1);
    config.getMapConfig("__vertx.nodeInfo").setBackupCount(1);
    return config;
  }
}
