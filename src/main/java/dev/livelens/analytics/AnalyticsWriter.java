package dev.livelens.analytics;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Group commit for the players' batches: while one transaction is being written, the batches that arrive
 * wait, and the next transaction takes them all (up to {@link #MOST}). Under load a transaction then holds
 * many batches at the cost of one, so SQLite's single writer keeps up and no batch waits behind a long
 * queue of others; alone, a batch is written at once. Each HTTP verticle mounts its own, used on its event
 * loop only (SQLite's one connection still takes their transactions one at a time).
 */
final class AnalyticsWriter {

  static final int MOST = 256;

  private record Pending(WatchStore.Batch batch, Promise<Integer> done) {
  }

  private final WatchStore store;
  private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
  private boolean writing;

  AnalyticsWriter(WatchStore store) {
    this.store = store;
  }

  /** Completes with how many of the batch's events were new, once they are committed. */
  Future<Integer> write(WatchStore.View view, List<WatchEvent> events) {
    Promise<Integer> done = Promise.promise();
    if (events.isEmpty()) {
      done.complete(0);
      return done.future();
    }
    waiting.add(new Pending(new WatchStore.Batch(view, events), done));
    if (!writing) {
      writeNext();
    }
    return done.future();
  }

  private void writeNext() {
    if (waiting.isEmpty()) {
      writing = false;
      return;
    }
    writing = true;
    List<Pending> taken = new ArrayList<>();
    while (!waiting.isEmpty() && taken.size() < MOST) {
      taken.add(waiting.poll());
    }
    store.ingest(taken.stream().map(Pending::batch).toList(), System.currentTimeMillis()).onComplete(result -> {
      for (int i = 0; i < taken.size(); i++) {
        if (result.succeeded()) {
          taken.get(i).done().complete(result.result().get(i));
        } else {
          taken.get(i).done().fail(result.cause());
        }
      }
      writeNext();
    });
  }
}
