package dev.livelens.account;

import dev.livelens.web.OwnedThings;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes guest identities older than {@code --guest-days} that never signed up, with everything they own:
 * each feature's things first (their files too), then the user row. Safe on several nodes at once: every
 * step deletes what is still there, and a guest that signed up meanwhile is no guest any more.
 */
final class GuestSweep {

  private static final Logger LOG = LoggerFactory.getLogger(GuestSweep.class);
  private static final int BATCH = 100;

  private final Users users;
  private final Duration lifetime;
  private final List<OwnedThings> things = new CopyOnWriteArrayList<>();
  private boolean running;

  GuestSweep(Users users, Duration lifetime) {
    this.users = users;
    this.lifetime = lifetime;
  }

  void add(OwnedThings owned) {
    things.add(owned);
  }

  /** One pass (on the timer's context): completes with how many guests went. */
  Future<Integer> sweep() {
    return sweep(System.currentTimeMillis());
  }

  /** One pass as if it were {@code nowMs}. */
  Future<Integer> sweep(long nowMs) {
    if (running) {
      return Future.succeededFuture(0);
    }
    running = true;
    return users.guestsBefore(nowMs - lifetime.toMillis(), BATCH)
        .compose(ids -> {
          Future<Void> chain = Future.succeededFuture();
          for (long id : ids) {
            chain = chain.compose(done -> forget(id));
          }
          return chain.map(ids.size());
        })
        .onSuccess(count -> {
          if (count > 0) {
            LOG.info("{} expired guest identities deleted with what they made", count);
          }
        })
        .onFailure(error -> LOG.warn("the guest sweep failed: {}", error.toString()))
        .onComplete(done -> running = false);
  }

  private Future<Void> forget(long id) {
    List<Future<Void>> deleted = things.stream().map(owned -> owned.deleteAllOf(id)).toList();
    return Future.all(deleted).compose(done -> users.deleteGuest(id));
  }
}
