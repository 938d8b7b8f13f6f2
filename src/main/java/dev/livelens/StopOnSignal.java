package dev.livelens;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM (an orchestrator's stop) and SIGINT (Ctrl-C) stop the node gracefully, then exit, within
 * {@link #DEADLINE_MS}. The signal is handled before the JVM's shutdown begins: shutdown hooks run at once
 * and in no order, and Vert.x's own (which removes its file cache, failing every new file) and Hazelcast's
 * would take services away from a stop still writing recordings. Past the deadline the JVM exits anyway,
 * as a kill would end it, and the next start recovers what was left. Any other way out of the JVM still
 * runs the same stop from a shutdown hook, as well as it can by then.
 */
final class StopOnSignal {

  private static final Logger LOG = LoggerFactory.getLogger(StopOnSignal.class);
  /** From the signal to the exit: what an orchestrator waits before it kills (deploy.md gives systemd 15 s). */
  static final long DEADLINE_MS = 10_000;
  /** Of that, the part left for closing Vert.x (a cluster member leaves Hazelcast) and the JVM's exit. */
  static final long CLOSE_MS = 2_500;

  private StopOnSignal() {
  }

  /** @param server the running server, or null while it is still starting (then Vert.x just closes) */
  static void install(Vertx vertx, Supplier<LiveLensServer> server) {
    AtomicBoolean stopping = new AtomicBoolean();
    for (String name : List.of("TERM", "INT")) {
      try {
        Signal.handle(new Signal(name), signal -> {
          if (stopping.compareAndSet(false, true)) {
            stop(vertx, server.get(), "SIG" + name);
            System.exit(128 + signal.getNumber()); // what the JVM's own handler exits with
          }
        });
      } catch (IllegalArgumentException taken) { // ignored by the parent process, or the JVM's own
        LOG.warn("SIG{} cannot be handled here ({}): the JVM's shutdown stops the node instead, less cleanly",
            name, taken.getMessage());
      }
    }
    // Any other way out (System.exit, another signal) still stops the node, as well as it can that late.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (stopping.compareAndSet(false, true)) {
        stop(vertx, server.get(), "the JVM's shutdown");
      }
    }, "livelens-shutdown"));
  }

  private static void stop(Vertx vertx, LiveLensServer server, String cause) {
    long started = System.nanoTime();
    LOG.info("Stopping on {}", cause);
    Future<Void> stopped = server == null ? Future.succeededFuture() : server.stop(DEADLINE_MS - CLOSE_MS);
    try {
      stopped.transform(done -> vertx.close()).await(DEADLINE_MS - 300, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | RuntimeException e) {
      LOG.warn("LiveLens did not close in time: {}", e.toString());
    }
    LOG.info("LiveLens stopped {} ms after {}", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), cause);
  }
}
