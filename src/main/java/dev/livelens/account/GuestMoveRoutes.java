package dev.livelens.account;

import dev.livelens.web.ApiErrors;
import dev.livelens.web.Failures;
import dev.livelens.web.User;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * After signing in from a guest's browser: {@code GET /api/auth/guest/move} says what is offered,
 * {@code POST /api/auth/guest/move} moves what the guest made into the account, {@code POST /api/auth/guest/leave} leaves it with the guest (deleted after --guest-days).
 * Both need the account's session and the guest's, which only the browser that was the guest holds.
 */
final class GuestMoveRoutes {

  private final CookieSessions sessions;
  private final Revocations revocations;
  private final GuestMoves moves;

  GuestMoveRoutes(CookieSessions sessions, Revocations revocations, GuestMoves moves) {
    this.sessions = sessions;
    this.revocations = revocations;
    this.moves = moves;
  }

  void mount(Router router) {
    router.get(CookieSessions.GUEST_PATH + "/move").handler(this::pending);
    router.post(CookieSessions.GUEST_PATH + "/move").handler(this::move);
    router.post(CookieSessions.GUEST_PATH + "/leave").handler(this::leave);
  }

  /**
   * Called by a sign-in: when the browser was a guest that owns something, the answer says what
   * ({@code "guestThings": {"videos": 2, ...}}) and the browser keeps the guest's session for the move.
   */
  Future<JsonObject> offer(RoutingContext ctx, User guest, JsonObject answer) {
    return moves.count(guest.id()).map(owned -> {
      if (!owned.isEmpty()) {
        sessions.offerMove(ctx.request(), ctx.response());
        answer.put("guestThings", owned);
      }
      return answer;
    });
  }

  /**
   * The offer still open for this browser (a reloaded account page asks again): {@code "guestThings"} when
   * there is one, else no such field (200 both: nothing offered is the usual case, not an error).
   */
  private void pending(RoutingContext ctx) {
    Future.succeededFuture(ctx).compose(c -> {
      JsonObject answer = new JsonObject().put("username", account(c).username());
      return sessions.offeredGuest(c.request()).map(guest -> moves.count(guest.user().id()).map(owned ->
          owned.isEmpty() ? answer : answer.put("guestThings", owned))).orElse(Future.succeededFuture(answer));
    }).onSuccess(answer -> {
      ctx.response().putHeader("Cache-Control", "no-store");
      ApiErrors.json(ctx, 200, answer);
    }).onFailure(error -> Failures.answer(ctx, error));
  }

  private void move(RoutingContext ctx) {
    Future.succeededFuture(ctx).compose(c -> {
      User account = account(c);
      SessionToken guest = sessions.offeredGuest(c.request()).orElseThrow(GuestMoves::nothingToMove);
      return moves.move(guest.user().id(), account.id()).map(moved -> {
        // The guest is gone: its session stops counting on every node.
        revocations.raiseEpoch(guest.user().id(), guest.epoch() + 1);
        return new JsonObject().put("username", account.username()).put("moved", moved);
      });
    }).onSuccess(answer -> {
      sessions.clearOffer(ctx.response());
      ApiErrors.json(ctx, 200, answer);
    }).onFailure(error -> {
      sessions.clearOffer(ctx.response());
      Failures.answer(ctx, error);
    });
  }

  private void leave(RoutingContext ctx) {
    sessions.clearOffer(ctx.response());
    ctx.response().setStatusCode(204).end();
  }

  private User account(RoutingContext ctx) {
    return sessions.of(ctx.request()).filter(user -> !user.guest()).orElseThrow(AuthRoutes::notSignedIn);
  }
}
