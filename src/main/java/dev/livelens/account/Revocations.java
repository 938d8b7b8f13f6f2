package dev.livelens.account;

import dev.livelens.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Which signed tokens no longer count though unexpired: sessions signed out, and every session of a user
 * older than their last password change (their epoch). Kept in memory for the event loops, in the database
 * for restarts, and published on the bus so the other HTTP nodes of a cluster stop honouring them too.
 */
final class Revocations {

  static final String ADDRESS = Addresses.REVOCATIONS;
  /** Expired rows go from memory and the database this often. */
  private static final long PRUNE_EVERY_MS = 60 * 60 * 1000;

  private final Vertx vertx;
  private final Pool pool;
  private final Map<Long, Integer> epochs = new ConcurrentHashMap<>();
  private final Map<String, Long> signedOut = new ConcurrentHashMap<>();
  private volatile Consumer<JsonObject> listener = change -> { };

  private Revocations(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
  }

  /** Reads what the database remembers, then listens for other nodes' sign-outs and password changes. */
  static Future<Revocations> start(Vertx vertx, Pool pool, Users users) {
    Revocations revocations = new Revocations(vertx, pool);
    Future<Void> sessions = pool.preparedQuery("SELECT session_id, expires_at FROM revoked_sessions WHERE expires_at > ?")
        .execute(Tuple.of(System.currentTimeMillis()))
        .map(rows -> {
          rows.forEach(row -> revocations.signedOut.put(row.getString("session_id"), row.getLong("expires_at")));
          return null;
        });
    Future<Void> raised = users.raisedEpochs().map(found -> {
      revocations.epochs.putAll(found);
      return null;
    });
    vertx.setPeriodic(PRUNE_EVERY_MS, id -> revocations.prune());
    return Future.all(sessions, raised)
        .compose(done -> vertx.eventBus().<JsonObject>consumer(ADDRESS, message -> revocations.apply(message.body()))
            .completion())
        .map(revocations);
  }

  /** Whether a correctly signed, unexpired token still stands for its user. */
  boolean honours(SessionToken token) {
    return token.epoch() == epoch(token.user().id()) && !signedOut.containsKey(token.sessionId());
  }

  int epoch(long userId) {
    return epochs.getOrDefault(userId, 0);
  }

  /** Ends one session: at once on this node, then in the database and on the other nodes. */
  Future<Void> signOut(SessionToken token) {
    JsonObject change = new JsonObject().put("session", token.sessionId()).put("expires", token.expiresAtMs());
    apply(change);
    vertx.eventBus().publish(ADDRESS, change);
    return pool.preparedQuery("INSERT INTO revoked_sessions (session_id, user_id, expires_at) VALUES (?, ?, ?)")
        .execute(Tuple.of(token.sessionId(), token.user().id(), token.expiresAtMs()))
        .mapEmpty();
  }

  /** The user's sessions older than {@code epoch} stop counting (the database already holds the new epoch). */
  void raiseEpoch(long userId, int epoch) {
    JsonObject change = new JsonObject().put("user", userId).put("epoch", epoch);
    apply(change);
    vertx.eventBus().publish(ADDRESS, change);
  }

  /** {@code listener} hears every revocation, this node's and the others', once it is in force. */
  void whenRevoked(Consumer<JsonObject> listener) {
    this.listener = listener;
  }

  private void apply(JsonObject change) {
    if (change.containsKey("session")) {
      signedOut.put(change.getString("session"), change.getLong("expires"));
    } else {
      epochs.merge(change.getLong("user"), change.getInteger("epoch"), Math::max);
    }
    listener.accept(change);
  }

  private void prune() {
    long now = System.currentTimeMillis();
    signedOut.values().removeIf(expires -> expires <= now);
    pool.preparedQuery("DELETE FROM revoked_sessions WHERE expires_at <= ?").execute(Tuple.of(now));
  }
}
