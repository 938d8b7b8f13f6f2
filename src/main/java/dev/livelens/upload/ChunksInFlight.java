package dev.livelens.upload;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PATCHes writing now, so that a node that stops takes no new chunk and lets these end: each saves
 * its offset before the node exits. One still receiving when the grace is over is cut short by its own
 * request, on its own event loop: it keeps what landed and answers with that offset.
 */
final class ChunksInFlight {

  /** One PATCH's place among those in flight, held from its lock to its saved offset. */
  final class Chunk {
    private final Context context = Vertx.currentContext();
    private final Runnable cutShort;
    private final Promise<Void> ended = Promise.promise();

    private Chunk(Runnable cutShort) {
      this.cutShort = cutShort;
    }

    /** The PATCH answered, its offset saved (or nothing kept). */
    void end() {
      writing.remove(this);
      ended.tryComplete();
    }
  }

  private final Set<Chunk> writing = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;

  /** Called on the PATCH's event loop; {@code cutShort} runs there too if the node stops before it ends. */
  Chunk begin(Runnable cutShort) {
    Chunk chunk = new Chunk(cutShort);
    writing.add(chunk);
    return chunk;
  }

  /** Whether the node is stopping: new chunks are refused (503), to be sent again later or elsewhere. */
  boolean stopping() {
    return stopping;
  }

  /**
   * Takes no new chunk from now on and lets those in flight end; any still receiving after {@code graceMs}
   * is cut short. Completes when every one has saved its offset.
   */
  Future<Void> finish(Vertx vertx, long graceMs) {
    stopping = true;
    List<Chunk> now = List.copyOf(writing);
    if (now.isEmpty()) {
      return Future.succeededFuture();
    }
    long timer = vertx.setTimer(graceMs, t -> now.forEach(c -> c.context.runOnContext(v -> c.cutShort.run())));
    return Future.join(now.stream().map(c -> c.ended.future()).toList())
        .onComplete(done -> vertx.cancelTimer(timer)).mapEmpty();
  }
}
