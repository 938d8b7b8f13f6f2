package dev.livelens.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * One feature of a node (the live stream, the library, rooms, …) with its lifecycle. {@link #start} runs
 * once per node and builds everything node-wide the feature owns: services, state, timers, consumers,
 * pools. {@link #mount} runs once per HTTP verticle, on its event loop, and only adds the feature's routes
 * on a router of its own; it builds nothing that outlives the router. {@link #stop} releases what start
 * made. A node starts its features in order and stops them in reverse.
 */
public interface Feature {

  /** Starts what the feature owns on this node; the features before it have started. */
  Future<?> start(Vertx vertx);

  /** Adds the feature's routes on one event loop; the default feature has none. */
  default void mount(Mounts mounts) {
  }

  /** Stops taking new work, finishes or releases what start made; the features after it have stopped. */
  default Future<?> stop() {
    return Future.succeededFuture();
  }
}
