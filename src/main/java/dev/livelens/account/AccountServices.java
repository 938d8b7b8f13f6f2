package dev.livelens.account;

import dev.livelens.config.LiveLensConfig;
import dev.livelens.db.DatabaseFeature;
import dev.livelens.web.Feature;
import dev.livelens.web.KnownUsers;
import dev.livelens.web.MovableThings;
import dev.livelens.web.Mounts;
import dev.livelens.web.OwnedThings;
import dev.livelens.web.SignedInUsers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;

/**
 * Accounts on an HTTP node: the users in the database, password hashing on its own pool, cookie sessions
 * signed with the data directory's key, the account API and page. Other features ask
 * {@link #signedInUsers()} who sent a request.
 */
public final class AccountServices implements Feature {

  private static final long PRUNE_LIMITS_EVERY_MS = 60_000;
  private static final long SWEEP_GUESTS_EVERY_MS = 60 * 60_000;

  private final LiveLensConfig config;
  private final DatabaseFeature database;
  private CookieSessions sessions;
  private Users users;
  private AuthRoutes routes;
  private Vertx vertx;
  private long pruneTimer = -1;
  private long sweepTimer = -1;
  private GuestSweep guests;
  private final java.util.List<OwnedThings> owned = new java.util.ArrayList<>();
  private final java.util.List<MovableThings> movable = new java.util.ArrayList<>();

  public AccountServices(LiveLensConfig config, DatabaseFeature database) {
    this.config = config;
    this.database = database;
  }

  @Override
  public Future<?> start(Vertx vertx) {
    this.vertx = vertx;
    users = new Users(database.database().pool());
    Future<byte[]> key = vertx.executeBlocking(() -> SigningKey.loadOrCreate(config.storage().dataDir()), false);
    Future<Passwords> passwords = Passwords.start(vertx);
    Future<Revocations> revocations = Revocations.start(vertx, database.database().pool(), users);
    return Future.all(key, passwords, revocations).onSuccess(started -> {
      sessions = new CookieSessions(new SessionSigner(key.result()), revocations.result(), config.accounts(),
          users, config.tls().enabled());
      guests = new GuestSweep(users, config.accounts().guestLifetime());
      owned.forEach(guests::add);
      sweepTimer = vertx.setPeriodic(1_000, SWEEP_GUESTS_EVERY_MS, id -> guests.sweep());
      LoginLimits limits = new LoginLimits(config.accounts(), System::currentTimeMillis);
      pruneTimer = vertx.setPeriodic(PRUNE_LIMITS_EVERY_MS, id -> limits.prune());
      routes = new AuthRoutes(users, passwords.result(), sessions, revocations.result(), limits,
          new GuestMoves(database.database().pool(), movable));
    });
  }

  /** Who sent a request (an API call or a WebSocket upgrade), from its session cookie, on the event loop. */
  public SignedInUsers signedInUsers() {
    if (sessions == null) {
      throw new IllegalStateException("accounts have not started");
    }
    return sessions;
  }

  /** Whether an account exists; only after {@link #start}. */
  public KnownUsers knownUsers() {
    Users started = users;
    if (started == null) {
      throw new IllegalStateException("accounts have not started");
    }
    return id -> started.find(id).map(Optional::isPresent);
  }

  /**
   * What a feature keeps of an owner, deleted when a guest identity expires ({@code --guest-days}); called
   * before {@link #start}, in the order the features start.
   */
  public void deleteGuestsThings(OwnedThings things) {
    owned.add(things);
  }

  /**
   * What a feature keeps of an owner that moves into an account when a guest's browser signs in and accepts
   * (one transaction, in the order given); called before {@link #start}.
   */
  public void moveGuestsThings(MovableThings things) {
    movable.add(things);
  }

  /**
   * Runs one guest sweep as if it were {@code nowMs} (tests; the timer runs it hourly with the clock):
   * completes with how many guests went.
   */
  public Future<Integer> sweepGuests(long nowMs) {
    return guests.sweep(nowMs);
  }

  @Override
  public void mount(Mounts mounts) {
    routes.mount(mounts.router());
  }

  @Override
  public Future<?> stop() {
    if (pruneTimer >= 0) {
      vertx.cancelTimer(pruneTimer);
    }
    if (sweepTimer >= 0) {
      vertx.cancelTimer(sweepTimer);
    }
    return Future.succeededFuture();
  }
}
