package dev.livelens.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import dev.livelens.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells this node's own code, on the event bus, when a member leaves the cluster: the streams answer
 * the frames it held at once. Vert.x keeps its cluster-manager listener to itself, so this listens to
 * Hazelcast directly.
 */
final class MembershipNotices implements MembershipListener {

  private static final Logger LOG = LoggerFactory.getLogger(MembershipNotices.class);
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

  private final Vertx vertx;

  private MembershipNotices(Vertx vertx) {
    this.vertx = vertx;
  }

  static MembershipNotices on(Vertx vertx) {
    return new MembershipNotices(vertx);
  }

  @Override
  public void memberAdded(MembershipEvent event) {
    LOG.info("cluster member joined: {} ({} members)", event.getMember().getAddress(), event.getMembers().size());
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    LOG.warn("cluster member left: {} ({} members)", event.getMember().getAddress(), event.getMembers().size());
    vertx.eventBus().publish(Addresses.NODE_LEFT, event.getMember().getUuid().toString(), LOCAL);
  }
}
