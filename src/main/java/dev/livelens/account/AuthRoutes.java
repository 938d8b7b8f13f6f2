package dev.livelens.account;

import dev.livelens.web.Failures;
import dev.livelens.web.Problem;
import dev.livelens.web.User;

import dev.livelens.web.ApiErrors;
import dev.livelens.web.JsonBody;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** The account API: sign up, log in, log out, change password, and who am I. */
final class AuthRoutes {

  private static final int BODY_LIMIT = 4 * 1024;

  private final Users users;
  private final Passwords passwords;
  private final CookieSessions sessions;
  private final Revocations revocations;
  private final LoginLimits limits;
  private final GuestMoveRoutes moves;

  AuthRoutes(Users users, Passwords passwords, CookieSessions sessions, Revocations revocations, LoginLimits limits,
      GuestMoves guestMoves) {
    this.moves = new GuestMoveRoutes(sessions, revocations, guestMoves);
    this.users = users;
    this.passwords = passwords;
    this.sessions = sessions;
    this.revocations = revocations;
    this.limits = limits;
  }

  void mount(Router router) {
    JsonBody json = new JsonBody(BODY_LIMIT);
    router.post("/api/auth/signup").handler(json).handler(this::signup);
    router.post("/api/auth/login").handler(json).handler(this::login);
    router.post("/api/auth/logout").handler(this::logout);
    router.post("/api/auth/password").handler(json).handler(this::changePassword);
    router.post("/api/auth/guest").handler(this::guest);
    moves.mount(router);
    router.get("/api/me").handler(this::me);
    router.get("/api/session").handler(this::session);
    router.get("/account").handler(ctx -> ctx.reroute("/account.html"));
  }

  private void signup(RoutingContext ctx) {
    Future.succeededFuture(ctx).map(c -> {
      limits.signup(c.request().remoteAddress().hostAddress());
      return AuthRequests.credentials(c);
    }).compose(credentials -> {
      AuthRequests.checkUsername(credentials.username());
      AuthRequests.checkNewPassword(credentials.password());
      Optional<User> guest = sessions.of(ctx.request()).filter(User::guest);
      return passwords.hash(credentials.password()).compose(hash -> guest.isPresent()
          ? keepGuest(guest.get(), credentials.username(), hash)
          : users.create(credentials.username(), hash));
    }).onSuccess(user -> signedIn(ctx, 201, user)).onFailure(error -> Failures.answer(ctx, error));
  }

  /**
   * A sign-up from a guest's browser: the guest row becomes the account, so everything it made stays its
   * own; the guest's cookie stops counting (its epoch is raised) as the account's session starts.
   */
  private Future<User> keepGuest(User guest, String username, String hash) {
    return users.becomeAccount(guest.id(), username, hash).compose(kept -> kept.isEmpty()
        ? users.create(username, hash)
        : users.find(guest.id()).map(stored -> {
          stored.ifPresent(s -> revocations.raiseEpoch(s.user().id(), s.epoch()));
          return kept.get();
        }));
  }

  /** Makes the caller a guest identity unless they already have one or are signed in; says who they are. */
  private void guest(RoutingContext ctx) {
    sessions.orGuest(ctx).onSuccess(user -> {
      ctx.response().putHeader("Cache-Control", "no-store");
      ApiErrors.json(ctx, 200, describe(user));
    }).onFailure(error -> Failures.answer(ctx, error));
  }

  static JsonObject describe(User user) {
    return new JsonObject().put("id", user.id()).put("username", user.username()).put("guest", user.guest())
        .put("admin", user.admin());
  }

  /**
   * Signs in; from a guest's browser whose guest owns something, the answer offers to move it into the
   * account ({@code "guestThings": {"videos": n, ...}}, see {@link GuestMoveRoutes}).
   */
  private void login(RoutingContext ctx) {
    Optional<User> guest = sessions.of(ctx.request()).filter(User::guest);
    Future.succeededFuture(ctx).map(AuthRequests::credentials).compose(credentials -> {
      AuthRequests.checkLength(credentials.password());
      // A guest has no password: its name signs nobody in.
      return users.find(credentials.username()).map(found -> found.filter(s -> !s.user().guest()))
          .compose(stored -> check(ctx, credentials.username(),
          credentials.password(), stored.map(Users.Stored::passwordHash),
          new Problem(401, "wrong_credentials", "wrong username or password")).map(right -> stored.get().user()));
    }).compose(user -> {
      JsonObject answer = new JsonObject().put("username", user.username());
      return (guest.isEmpty() ? Future.succeededFuture(answer) : moves.offer(ctx, guest.get(), answer))
          .onSuccess(offered -> signedIn(ctx, 200, user, offered));
    }).onFailure(error -> Failures.answer(ctx, error));
  }

  /** Ends this session everywhere at once; answers 204 whether or not there was one. */
  private void logout(RoutingContext ctx) {
    sessions.token(ctx.request()).map(revocations::signOut).orElse(Future.succeededFuture())
        .onSuccess(done -> {
          sessions.clear(ctx.response());
          sessions.clearOffer(ctx.response()); // a guest's things are not offered to whoever signs in next
          ctx.response().setStatusCode(204).end();
        }).onFailure(ctx::fail);
  }

  /** A new password: every other session of the user ends; this one goes on with a renewed cookie. */
  private void changePassword(RoutingContext ctx) {
    Future.succeededFuture(ctx).map(c -> sessions.token(c.request()).orElseThrow(AuthRoutes::notSignedIn))
        .compose(token -> {
          AuthRequests.PasswordChange change = AuthRequests.passwordChange(ctx);
          AuthRequests.checkLength(change.current());
          AuthRequests.checkNewPassword(change.password());
          return users.find(token.user().id()).map(found -> found.filter(s -> !s.user().guest())
                  .orElseThrow(AuthRoutes::notSignedIn))
              // Guessing the current password from a stolen session counts like guessing at the login.
              .compose(stored -> check(ctx, stored.user().username(), change.current(),
                  Optional.of(stored.passwordHash()), new Problem(403, "wrong_password",
                      "the current password is wrong"))
                  .compose(right -> passwords.hash(change.password()))
                  .compose(hash -> users.changePassword(stored.user().id(), stored.epoch(), hash))
                  .map(changed -> {
                    if (!changed) {
                      throw new Problem(409, "changed_meanwhile", "the password was changed meanwhile; "
                          + "sign in again");
                    }
                    revocations.raiseEpoch(stored.user().id(), stored.epoch() + 1);
                    return token;
                  }));
        }).onSuccess(token -> {
          sessions.renew(ctx.response(), token);
          ApiErrors.json(ctx, 200, new JsonObject().put("username", token.user().username()));
        }).onFailure(error -> Failures.answer(ctx, error));
  }

  /**
   * Checks a password against a stored hash (none: an unknown name), as one attempt under the login
   * limits; fails with {@code wrong} when it does not match.
   */
  private Future<Void> check(RoutingContext ctx, String username, String password, Optional<String> hash,
      Problem wrong) {
    String address = ctx.request().remoteAddress().hostAddress();
    limits.attempt(username, address);
    return passwords.verify(password, hash).map(right -> {
      if (!right) {
        throw wrong;
      }
      limits.succeeded(username, address);
      return null;
    });
  }

  private void me(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
    sessions.of(ctx.request()).ifPresentOrElse(
        user -> ApiErrors.json(ctx, 200, describe(user)),
        () -> Failures.answer(ctx, notSignedIn()));
  }

  /**
   * Who is signed in, for pages: 200 either way ({@code {"user":null}} for nobody), so a page asking
   * while signed out is answered as expected rather than with an error it must swallow.
   */
  private void session(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
    ApiErrors.json(ctx, 200, new JsonObject().put("user",
        sessions.of(ctx.request()).map(AuthRoutes::describe).orElse(null)));
  }

  private void signedIn(RoutingContext ctx, int status, User user) {
    signedIn(ctx, status, user, new JsonObject().put("username", user.username()));
  }

  private void signedIn(RoutingContext ctx, int status, User user, JsonObject answer) {
    sessions.start(ctx.response(), user);
    ctx.response().putHeader("Cache-Control", "no-store");
    ApiErrors.json(ctx, status, answer);
  }

  static Problem notSignedIn() {
    return new Problem(401, "not_signed_in", "sign in first");
  }
}
