package dev.livelens.account;

import dev.livelens.web.MovableThings;
import dev.livelens.web.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a guest identity owns, counted for the offer a sign-in from its browser gets, and moved into the
 * account when accepted: every feature's things and the guest row's deletion in one transaction (all or
 * nothing), so the guest's videos, jobs and uploads are the account's from then on.
 */
final class GuestMoves {

  private static final Logger LOG = LoggerFactory.getLogger(GuestMoves.class);

  private final Pool pool;
  private final List<MovableThings> things;

  GuestMoves(Pool pool, List<MovableThings> things) {
    this.pool = pool;
    this.things = List.copyOf(things);
  }

  /** How many of each kind the guest owns ({"videos": 2, "jobs": 0, "uploads": 1}); empty when nothing. */
  Future<JsonObject> count(long guestId) {
    List<Future<Long>> counts = things.stream().map(kind -> kind.count(guestId)).toList();
    return Future.all(counts).map(done -> {
      JsonObject json = new JsonObject();
      long total = 0;
      for (int i = 0; i < things.size(); i++) {
        json.put(things.get(i).kind(), counts.get(i).result());
        total += counts.get(i).result();
      }
      return total == 0 ? new JsonObject() : json;
    });
  }

  /**
   * Moves everything the guest owns to the account and deletes the guest, in one transaction; fails with
   * 404 {@code nothing_to_move} (and moves nothing) when the guest is gone (moved already, or expired).
   * @return what moved, as {@link #count} said just before
   */
  Future<JsonObject> move(long guestId, long accountId) {
    return count(guestId).compose(moved -> pool.withTransaction(tx -> {
      Future<Void> chain = Future.succeededFuture();
      for (MovableThings kind : things) {
        chain = chain.compose(done -> kind.move(tx, guestId, accountId));
      }
      return chain.compose(done -> tx.preparedQuery("DELETE FROM users WHERE id = ? AND guest = 1")
          .execute(Tuple.of(guestId))).map(deleted -> {
            if (deleted.rowCount() != 1) {
              throw nothingToMove();
            }
            return moved;
          });
    })).onSuccess(moved -> LOG.info("guest {} moved into account {}: {}", guestId, accountId, moved.encode()));
  }

  static Problem nothingToMove() {
    return new Problem(404, "nothing_to_move", "there is nothing from before you signed in to move: it was moved "
        + "already, left as it was, or it expired");
  }
}
