package dev.livelens.account;

import dev.livelens.web.Problem;
import dev.livelens.web.User;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The users table: every read and write of it, in portable SQL. */
final class Users {

  /** A user as stored: their password hash and session epoch beside who they are. */
  record Stored(User user, String passwordHash, int epoch) {
  }

  /** What a guest identity is called: a name no sign-up can take (names start with a letter or digit). */
  static final String GUEST_PREFIX = "~guest-";

  /** A sign-up whose name someone already has, ignoring case. */
  static final class NameTaken extends Problem {
    NameTaken(String username) {
      super(409, "name_taken", "the name '" + username + "' is taken (names are unique ignoring case); choose "
          + "another");
    }
  }

  /** Ids below 2^53: the pages' JavaScript reads them as exact numbers. */
  private static final long ID_MASK = (1L << 53) - 1;
  private static final String COLUMNS = "id, username, password_hash, session_epoch, guest";

  private final Pool pool;
  private final SecureRandom random = new SecureRandom();

  Users(Pool pool) {
    this.pool = pool;
  }

  /** Lower case, the form names are compared in. */
  static String key(String username) {
    return username.toLowerCase(Locale.ROOT);
  }

  /** A new user; fails with {@link NameTaken} when the name is someone's already. */
  Future<User> create(String username, String passwordHash) {
    long id = 1 + Math.floorMod(random.nextLong(), ID_MASK);
    long now = System.currentTimeMillis();
    return pool.preparedQuery("INSERT INTO users (id, username, username_key, password_hash, session_epoch, "
            + "created_at, password_changed_at) VALUES (?, ?, ?, ?, 0, ?, ?)")
        .execute(Tuple.of(id, username, key(username), passwordHash, now, now))
        .map(done -> new User(id, username))
        // Which constraint failed reads differently in each database; asking again does not.
        .recover(error -> find(username).compose(found -> Future.failedFuture(
            found.isPresent() ? new NameTaken(username) : error)));
  }

  /** A new guest identity: no password (an empty hash matches none), a name nobody can sign up with. */
  Future<User> createGuest() {
    long id = 1 + Math.floorMod(random.nextLong(), ID_MASK);
    String name = GUEST_PREFIX + Long.toHexString(id);
    long now = System.currentTimeMillis();
    return pool.preparedQuery("INSERT INTO users (id, username, username_key, password_hash, session_epoch, "
            + "created_at, password_changed_at, guest) VALUES (?, ?, ?, '', 0, ?, ?, 1)")
        .execute(Tuple.of(id, name, key(name), now, now))
        .map(done -> new User(id, name, true, false));
  }

  /**
   * Turns the guest into an account with this name and password, keeping its id (and so all it owns), with
   * its session epoch raised so the guest's cookie stops counting. Fails with {@link NameTaken} as create.
   * @return the account, empty when the row is no longer a guest (it signed up meanwhile, or expired)
   */
  Future<Optional<User>> becomeAccount(long guestId, String username, String passwordHash) {
    long now = System.currentTimeMillis();
    return pool.preparedQuery("UPDATE users SET username = ?, username_key = ?, password_hash = ?, guest = 0, "
            + "session_epoch = session_epoch + 1, created_at = ?, password_changed_at = ? WHERE id = ? AND guest = 1")
        .execute(Tuple.of(username, key(username), passwordHash, now, now, guestId))
        .map(result -> result.rowCount() == 1 ? Optional.of(new User(guestId, username)) : Optional.<User>empty())
        .recover(error -> find(username).compose(found -> Future.failedFuture(
            found.isPresent() ? new NameTaken(username) : error)));
  }

  /** Guests made before {@code cutoff} (epoch ms), at most {@code limit} of them. */
  Future<java.util.List<Long>> guestsBefore(long cutoff, int limit) {
    return pool.preparedQuery("SELECT id FROM users WHERE guest = 1 AND created_at < ? ORDER BY created_at LIMIT ?")
        .execute(Tuple.of(cutoff, limit)).map(rows -> {
          java.util.List<Long> ids = new java.util.ArrayList<>();
          rows.forEach(row -> ids.add(row.getLong("id")));
          return ids;
        });
  }

  /** Deletes a guest row (never an account: a guest that signed up meanwhile stays). */
  Future<Void> deleteGuest(long id) {
    return pool.preparedQuery("DELETE FROM users WHERE id = ? AND guest = 1").execute(Tuple.of(id)).mapEmpty();
  }

  Future<Optional<Stored>> find(String username) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM users WHERE username_key = ?")
        .execute(Tuple.of(key(username)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(stored(rows.iterator().next())));
  }

  Future<Optional<Stored>> find(long id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM users WHERE id = ?").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(stored(rows.iterator().next())));
  }

  /**
   * The new password, and the session epoch one past {@code epoch}, so every older token stops working.
   * @return whether the row still had {@code epoch} (false: another change came first)
   */
  Future<Boolean> changePassword(long id, int epoch, String passwordHash) {
    return pool.preparedQuery("UPDATE users SET password_hash = ?, session_epoch = ?, password_changed_at = ? "
            + "WHERE id = ? AND session_epoch = ?")
        .execute(Tuple.of(passwordHash, epoch + 1, System.currentTimeMillis(), id, epoch))
        .map(result -> result.rowCount() == 1);
  }

  /** The epoch of every user who ever changed their password (the others are at 0). */
  Future<Map<Long, Integer>> raisedEpochs() {
    return pool.preparedQuery("SELECT id, session_epoch FROM users WHERE session_epoch > 0").execute(Tuple.tuple())
        .map(rows -> {
          Map<Long, Integer> epochs = new HashMap<>();
          rows.forEach(row -> epochs.put(row.getLong("id"), row.getInteger("session_epoch")));
          return epochs;
        });
  }

  private static Stored stored(Row row) {
    return new Stored(new User(row.getLong("id"), row.getString("username"), row.getInteger("guest") == 1, false),
        row.getString("password_hash"),
        row.getInteger("session_epoch"));
  }
}
