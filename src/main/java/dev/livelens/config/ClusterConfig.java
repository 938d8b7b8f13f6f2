package dev.livelens.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Whether this node joins a Vert.x cluster (Hazelcast), where it listens for its peers and whom it
 * asks to join, and the name it goes by in replies, meters and the dashboard.
 *
 * @param enabled false: a single JVM, no cluster manager started (the default)
 * @param host the address the cluster traffic (Hazelcast and the event bus) binds to and is reached at
 * @param port Hazelcast's port; the event bus takes a free port on the same host
 * @param members {@code host:port} of other nodes to join through (TCP-IP; multicast stays off)
 * @param nodeName this node's name: names the worker in each processed frame and tags every meter
 */
public record ClusterConfig(boolean enabled, String host, int port, List<String> members, String nodeName) {

  static final List<Option> OPTIONS = List.of(
      Option.of("cluster", "false", "join a Vert.x cluster (Hazelcast) so workers on other machines take frames"),
      Option.of("cluster-host", "127.0.0.1", "address the cluster traffic binds to and peers reach (Hazelcast and "
          + "the event bus, whose port is picked free)"),
      Option.of("cluster-port", "5701", "Hazelcast's port for the cluster's membership"),
      Option.of("cluster-members", "", "comma-separated host:port of nodes to join through (TCP; no multicast)"),
      Option.of("node-name", "", "this node's name in replies, meters and the dashboard (default: host name and "
          + "--port)"));

  static ClusterConfig from(Map<String, String> values, int httpPort) {
    List<String> members = Arrays.stream(values.get("--cluster-members").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    for (String member : members) {
      int colon = member.lastIndexOf(':');
      if (colon <= 0 || !member.substring(colon + 1).matches("\\d{1,5}")) {
        throw new LiveLensConfig.UsageException("--cluster-members takes host:port entries, not '" + member + "'");
      }
    }
    String name = values.get("--node-name").trim();
    if (!name.matches("[A-Za-z0-9._:-]{0,64}")) {
      throw new LiveLensConfig.UsageException("--node-name may hold letters, digits and . _ : - (at most 64), not '"
          + name + "'");
    }
    return new ClusterConfig(LiveLensConfig.boolValue(values, "--cluster"), values.get("--cluster-host").trim(),
        LiveLensConfig.intValue(values, "--cluster-port", 1, 65535), members,
        name.isEmpty() ? defaultName(httpPort) : name);
  }

  /** Host name and HTTP port, stable across restarts; a random suffix when the port is chosen at start. */
  private static String defaultName(int httpPort) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "livelens";
    }
    String suffix = httpPort != 0 ? String.valueOf(httpPort) : UUID.randomUUID().toString().substring(0, 6);
    return (host + ":" + suffix).replaceAll("[^A-Za-z0-9._:-]", "-");
  }
}
