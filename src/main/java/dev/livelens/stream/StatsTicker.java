package dev.livelens.stream;

import io.vertx.core.Vertx;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The once-a-second {@code stats} messages of the streams on one event loop. One timer walks only the
 * streams whose counts changed since their last stats (a frame arrived, was answered, dropped or
 * refused), so a socket that sends nothing costs no work at all, however many there are, while an active
 * stream still hears about every change within a second (its last one too, once every frame is settled).
 * Used on its event loop only: each HTTP verticle has its own, and its streams run on the same context.
 */
public final class StatsTicker {

  public static final long PERIOD_MS = 1000;

  /** A stream that can send its stats now; false when the socket could not take it (try next tick). */
  interface Reporter {
    boolean sendStats();
  }

  private Set<Reporter> due = new LinkedHashSet<>();

  private StatsTicker() {
  }

  /** Starts ticking on the calling context (an HTTP verticle's); the timer ends with the verticle. */
  public static StatsTicker start(Vertx vertx) {
    StatsTicker ticker = new StatsTicker();
    vertx.setPeriodic(PERIOD_MS, id -> ticker.tick());
    return ticker;
  }

  /** The stream has news for its next stats message; asking twice in one second changes nothing. */
  void due(Reporter stream) {
    due.add(stream);
  }

  private void tick() {
    Set<Reporter> now = due;
    due = new LinkedHashSet<>();
    for (Reporter stream : now) {
      if (!stream.sendStats()) {
        due.add(stream);
      }
    }
  }
}
