package dev.livelens.cluster;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.livelens.bus.Addresses;
import dev.livelens.testing.NodeProcess;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A worker node one test adds to the cluster for itself. Closing it stops the node (a killed one is
 * already gone) and waits until the HTTP node has seen it leave, so the next test finds the cluster
 * as this one did.
 */
record ExtraWorkerNode(NodeProcess process, MessageConsumer<String> notices, BlockingQueue<String> left)
    implements AutoCloseable {

  /** Starts the node {@code start} makes and waits until it is healthy. */
  static ExtraWorkerNode join(Vertx httpNode, Supplier<NodeProcess> start) {
    BlockingQueue<String> left = new LinkedBlockingQueue<>();
    MessageConsumer<String> notices = httpNode.eventBus().localConsumer(Addresses.NODE_LEFT, m -> left.add(m.body()));
    notices.completion().await();
    NodeProcess process = start.get();
    try {
      process.awaitHealthy();
    } catch (RuntimeException | Error e) {
      process.close();
      notices.unregister();
      throw e;
    }
    return new ExtraWorkerNode(process, notices, left);
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
    try {
      assertNotNull(left.poll(30, TimeUnit.SECONDS), "the HTTP node did not see the worker node on port "
          + process.port() + " leave the cluster");
    } finally {
      notices.unregister();
    }
  }
}
