package dev.livelens.account;

import dev.livelens.config.LiveLensConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/**
 * Accounts on an HTTP node: the users in the database, password hashing on its own pool, cookie sessions
 * signed with the data directory's key. Other features ask {@link #signedInUsers()} who sent a request.
 */
public final class AccountServices {

  private static final long PRUNE_LIMITS_EVERY_MS = 60_000;

  private final CookieSessions sessions;
  private final AuthRoutes routes;

  private AccountServices(CookieSessions sessions, AuthRoutes routes) {
    this.sessions = sessions;
    this.routes = routes;
  }

  public static Future<AccountServices> start(Vertx vertx, LiveLensConfig config, Pool pool) {
    Users users = new Users(pool);
    Future<byte[]> key = vertx.executeBlocking(() -> SigningKey.loadOrCreate(config.storage().dataDir()), false);
    Future<Passwords> passwords = Passwords.start(vertx);
    Future<Revocations> revocations = Revocations.start(vertx, pool, users);
    return Future.all(key, passwords, revocations).map(started -> {
      CookieSessions sessions = new CookieSessions(new SessionSigner(key.result()), revocations.result(),
          config.accounts().sessionLifetime(), config.tls().enabled());
      LoginLimits limits = new LoginLimits(config.accounts(), System::currentTimeMillis);
      vertx.setPeriodic(PRUNE_LIMITS_EVERY_MS, id -> limits.prune());
      return new AccountServices(sessions, new AuthRoutes(users, passwords.result(), sessions, revocations.result(),
          limits));
    });
  }

  /** Who sent a request (an API call or a WebSocket upgrade), from its session cookie, on the event loop. */
  public SignedInUsers signedInUsers() {
    return sessions;
  }

  /** Mounts the account API; before the catch-all static handler. */
  public void mount(Router router) {
    routes.mount(router);
  }
}
