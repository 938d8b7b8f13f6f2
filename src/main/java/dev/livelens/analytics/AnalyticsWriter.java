package dev.livelens.analytics;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Group commit for the players' batches: while one transaction is being written, the batches that arrive
 * wait, and the next transaction takes them all (up to {@link #MOST}). Under load a transaction then holds
 * many batches at the cost of one, so SQLite's single writer keeps up and no batch waits behind a long
 * queue of others; alone, a batch is written at once. One writer serves the node: its queue lives on its
 * own context, every batch hops there, and each answer hops back to the context that asked.
 */
final class AnalyticsWriter {

  static final int MOST = 256;

  private record Pending(WatchStore.Batch batch, Promise<Integer> done) {
  }

  private final WatchStore store;
  private final Context context;
  private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
  private boolean writing;

  /** @param context where the queue lives (the analytics feature's) */
  AnalyticsWriter(WatchStore store, Context context) {
    this.store = store;
    this.context = context;
  }

  /** Completes, on the caller's context, with how many of the batch's events were new, once committed. */
  Future<Integer> write(WatchStore.View view, List<WatchEvent> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture(0);
    }
    Context caller = Vertx.currentContext();
    Promise<Integer> answered = Promise.promise();
    Promise<Integer> done = Promise.promise();
    done.future().onComplete(result -> {
      if (caller == null) {
        answered.handle(result);
      } else {
        caller.runOnContext(v -> answered.handle(result));
      }
    });
    context.runOnContext(v -> {
      waiting.add(new Pending(new WatchStore.Batch(view, events), done));
      if (!writing) {
        writeNext();
      }
    });
    return answered.future();
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
