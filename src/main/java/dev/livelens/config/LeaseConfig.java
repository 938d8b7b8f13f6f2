package dev.livelens.config;

import java.util.List;
import java.util.Map;

/**
 * How long a node's hold on the work it does (a job, a video it packages) lasts: the node renews it while
 * the work runs; one that stops renewing (it died) has its work taken over by another node once the lease
 * has lapsed.
 *
 * @param leaseMs how long a lease lasts unrenewed
 * @param renewMs how often a node renews its leases and looks for lapsed ones of other nodes
 */
public record LeaseConfig(long leaseMs, long renewMs) {

  static final List<Option> OPTIONS = List.of(
      Option.of("lease-ms", "30000", "how long a node's claim on a job, a video it packages or a transcript it makes "
          + "lasts unrenewed; "
          + "the work of a node that dies is taken over by another node once its claims have lapsed"),
      Option.of("lease-renew-ms", "10000", "how often a node renews its claims and looks for lapsed ones of other "
          + "nodes to take over (at most half of --lease-ms)"));

  static LeaseConfig from(Map<String, String> values) {
    int lease = LiveLensConfig.intValue(values, "--lease-ms", 1000, 3_600_000);
    int renew = LiveLensConfig.intValue(values, "--lease-renew-ms", 100, 1_800_000);
    if (renew * 2L > lease) {
      // A lease outlives one late renewal: a busy node never loses its work to another.
      throw new LiveLensConfig.UsageException("--lease-renew-ms must be at most half of --lease-ms (" + lease
          + "), not " + renew);
    }
    return new LeaseConfig(lease, renew);
  }
}
