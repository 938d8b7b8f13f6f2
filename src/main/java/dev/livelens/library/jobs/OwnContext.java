package dev.livelens.library.jobs;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one context that owns some state: work on the state hops onto it and the answer hops back to the
 * caller's context, so the state needs no lock (only that context's thread ever touches it) and callers on
 * any event loop go on where they were.
 */
final class OwnContext {

  private Context context;

  /** Set once, by the owning verticle as it starts, before anyone calls. */
  void set(Context owner) {
    this.context = Objects.requireNonNull(owner);
  }


  /** Runs {@code action} on the owning context; completes on the caller's. */
  <T> Future<T> call(Supplier<Future<T>> action) {
    Context caller = Vertx.currentContext();
    Promise<T> answer = Promise.promise();
    context.runOnContext(v -> run(action).onComplete(result -> on(caller, answer, result)));
    return answer.future();
  }

  /** {@code future}'s outcome, delivered on the owning context whichever thread completes it. */
  <T> Future<T> back(Future<T> future) {
    Promise<T> answer = Promise.promise();
    future.onComplete(result -> on(context, answer, result));
    return answer.future();
  }

  private static <T> Future<T> run(Supplier<Future<T>> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private static <T> void on(Context target, Promise<T> answer, AsyncResult<T> result) {
    if (target == null || Vertx.currentContext() == target) {
      answer.handle(result);
    } else {
      target.runOnContext(v -> answer.handle(result));
    }
  }
}
