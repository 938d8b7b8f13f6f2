package dev.livelens.account;

import dev.livelens.web.SignedInUsers;
import dev.livelens.web.User;

import dev.livelens.config.AccountConfig;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Sessions carried by a cookie: an HttpOnly, SameSite=Lax cookie (Secure over TLS) holding a signed,
 * expiring token. Reading one needs no database: the signature, the expiry and the in-memory revocations.
 * Whether a user is an admin is not in the token but in the options, so it holds on every node at once.
 */
final class CookieSessions implements SignedInUsers {

  static final String COOKIE = "livelens_session";
  /**
   * After a sign-in from a guest's browser: the guest's own session token, kept for the move only (sent to
   * {@code /api/auth/guest/...} alone, for {@link #MOVE_OFFER_SECONDS}), so the browser shows it owns the guest.
   */
  static final String GUEST_COOKIE = "livelens_guest";
  static final String GUEST_PATH = "/api/auth/guest";
  static final long MOVE_OFFER_SECONDS = 15 * 60;

  private final SessionSigner signer;
  private final Revocations revocations;
  private final SignedSockets sockets;
  private final Duration lifetime;
  private final AccountConfig accounts;
  private final Users users;
  private final boolean secure;
  private final SecureRandom random = new SecureRandom();

  CookieSessions(SessionSigner signer, Revocations revocations, AccountConfig accounts, Users users,
      boolean secure) {
    this.signer = signer;
    this.revocations = revocations;
    this.sockets = new SignedSockets(revocations);
    this.lifetime = accounts.sessionLifetime();
    this.accounts = accounts;
    this.users = users;
    this.secure = secure;
  }

  @Override
  public Optional<User> of(HttpServerRequest request) {
    return token(request).map(SessionToken::user);
  }

  @Override
  public Runnable closeOnSignOut(HttpServerRequest request, ServerWebSocket socket) {
    // The signature only: a session revoked since the upgrade was admitted must be closed, not skipped.
    return signed(request).map(token -> sockets.hold(token, socket)).orElse(() -> { });
  }

  @Override
  public Future<User> orGuest(RoutingContext ctx) {
    Optional<User> user = of(ctx.request());
    if (user.isPresent()) {
      return Future.succeededFuture(user.get());
    }
    return users.createGuest().onSuccess(guest -> {
      if (!ctx.response().headWritten()) {
        start(ctx.response(), guest);
      }
    });
  }

  /** The request's session token, when it carries one that still counts, with the user's admin flag. */
  Optional<SessionToken> token(HttpServerRequest request) {
    return signed(request).filter(revocations::honours);
  }

  /** Keeps the request's guest session (the one being replaced by a sign-in) for a move offer. */
  void offerMove(HttpServerRequest request, HttpServerResponse response) {
    Cookie guest = request.getCookie(COOKIE);
    response.addCookie(Cookie.cookie(GUEST_COOKIE, guest.getValue()).setPath(GUEST_PATH).setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT).setSecure(secure).setMaxAge(MOVE_OFFER_SECONDS));
  }

  /** The guest this browser was before it signed in, while its offer lasts and the guest still counts. */
  Optional<SessionToken> offeredGuest(HttpServerRequest request) {
    return signed(request, GUEST_COOKIE).filter(revocations::honours).filter(token -> token.user().guest());
  }

  void clearOffer(HttpServerResponse response) {
    response.addCookie(Cookie.cookie(GUEST_COOKIE, "").setPath(GUEST_PATH).setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT).setSecure(secure).setMaxAge(0));
  }

  /** The request's correctly signed, unexpired session token, revoked or not. */
  private Optional<SessionToken> signed(HttpServerRequest request) {
    return signed(request, COOKIE);
  }

  private Optional<SessionToken> signed(HttpServerRequest request, String name) {
    Cookie cookie = request.getCookie(name);
    return cookie == null ? Optional.empty()
        : signer.verify(cookie.getValue(), System.currentTimeMillis())
            .map(token -> token.user().guest() || !accounts.isAdmin(token.user().username()) ? token
                : token.as(new User(token.user().id(), token.user().username(), false, true)));
  }

  /**
   * Starts a new session for the user: a fresh id, their current epoch, the configured lifetime (a guest's
   * lasts as long as the guest is kept).
   */
  void start(HttpServerResponse response, User user) {
    byte[] id = new byte[16];
    random.nextBytes(id);
    Duration lasts = user.guest() ? accounts.guestLifetime() : lifetime;
    SessionToken token = new SessionToken(user, HexFormat.of().formatHex(id), revocations.epoch(user.id()),
        System.currentTimeMillis() + lasts.toMillis());
    write(response, token);
  }

  /** The same session re-signed with the user's new epoch (after they changed their password). */
  void renew(HttpServerResponse response, SessionToken token) {
    write(response, token.withEpoch(revocations.epoch(token.user().id())));
  }

  void clear(HttpServerResponse response) {
    response.addCookie(cookie("").setMaxAge(0));
  }

  private void write(HttpServerResponse response, SessionToken token) {
    long seconds = Math.max(0, (token.expiresAtMs() - System.currentTimeMillis()) / 1000);
    response.addCookie(cookie(signer.sign(token)).setMaxAge(seconds));
  }

  private Cookie cookie(String value) {
    return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
        .setSecure(secure);
  }
}
