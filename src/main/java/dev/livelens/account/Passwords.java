package dev.livelens.account;

import dev.livelens.web.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Password hashing off the event loops, on the bounded "livelens-auth" pool. A burst of logins waits in a
 * short queue; past it the server answers busy instead of piling up work it would finish too late.
 */
final class Passwords {

  static final String POOL = "livelens-auth";
  /** Two threads: each hash holds 19 MiB and one core for about 0.2 s. */
  static final int POOL_SIZE = 2;
  /** Hashes queued or running at once; about 3 s of work on two cores. */
  static final int MAX_PENDING = 32;

  /** Thrown (as a failed future) when the queue is full. */
  static final class Busy extends Problem {
    Busy() {
      super(503, "busy", "the server is checking too many passwords at once; try again in a few seconds");
      withHeader("Retry-After", "5");
    }
  }

  private final WorkerExecutor pool;
  private final PasswordHasher hasher = new PasswordHasher();
  private final AtomicInteger pending = new AtomicInteger();
  private final String decoy;

  private Passwords(WorkerExecutor pool, String decoy) {
    this.pool = pool;
    this.decoy = decoy;
  }

  /** Creates the pool and, on it, the decoy hash that unknown names are checked against. */
  static Future<Passwords> start(Vertx vertx) {
    WorkerExecutor pool = vertx.createSharedWorkerExecutor(POOL, POOL_SIZE);
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    PasswordHasher hasher = new PasswordHasher();
    return pool.executeBlocking(() -> hasher.hash(HexFormat.of().formatHex(secret)), false)
        .map(decoy -> new Passwords(pool, decoy));
  }

  Future<String> hash(String password) {
    return run(() -> hasher.hash(password));
  }

  /**
   * Whether the password matches the stored hash. With no stored hash (no such user) it still spends a
   * whole hash on the decoy and says no, so the time taken does not tell which names exist.
   */
  Future<Boolean> verify(String password, Optional<String> stored) {
    return run(() -> hasher.verify(password, stored.orElse(decoy)) && stored.isPresent());
  }

  private <T> Future<T> run(Callable<T> work) {
    if (pending.incrementAndGet() > MAX_PENDING) {
      pending.decrementAndGet();
      return Future.failedFuture(new Busy());
    }
    return pool.executeBlocking(work, false).onComplete(done -> pending.decrementAndGet());
  }
}
