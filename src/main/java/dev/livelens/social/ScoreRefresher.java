package dev.livelens.social;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the {@link ScoreBoard} at start and again every period on its own context (its timer goes with the
 * verticle); a failed refresh keeps the previous snapshot.
 */
final class ScoreRefresher extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ScoreRefresher.class);

  private final Pool reads;
  private final long periodMs;
  private final AtomicReference<ScoreBoard> board;
  private boolean loading;

  ScoreRefresher(Pool reads, long periodMs, AtomicReference<ScoreBoard> board) {
    this.reads = reads;
    this.periodMs = periodMs;
    this.board = board;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(periodMs, id -> refresh());
    return refresh();
  }

  /** Loads a new snapshot now (unless one is loading); completes when it is in place. */
  Future<Void> refresh() {
    if (loading) {
      return Future.succeededFuture();
    }
    loading = true;
    long started = System.nanoTime();
    return ScoreBoard.load(reads).onComplete(loaded -> loading = false).onSuccess(fresh -> {
      board.set(fresh);
      LOG.debug("scores of {} videos loaded in {} ms", fresh.videos().size(), (System.nanoTime() - started) / 1_000_000);
    }).onFailure(e -> LOG.warn("scores not refreshed: {}", e.getMessage())).<Void>mapEmpty().otherwiseEmpty();
  }
}
