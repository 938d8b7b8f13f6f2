package dev.livelens.account;

import dev.livelens.web.SignedInUsers;
import dev.livelens.web.User;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Sessions carried by a cookie: an HttpOnly, SameSite=Lax cookie (Secure over TLS) holding a signed,
 * expiring token. Reading one needs no database: the signature, the expiry and the in-memory revocations.
 */
final class CookieSessions implements SignedInUsers {

  static final String COOKIE = "livelens_session";

  private final SessionSigner signer;
  private final Revocations revocations;
  private final SignedSockets sockets;
  private final Duration lifetime;
  private final boolean secure;
  private final SecureRandom random = new SecureRandom();

  CookieSessions(SessionSigner signer, Revocations revocations, Duration lifetime, boolean secure) {
    this.signer = signer;
    this.revocations = revocations;
    this.sockets = new SignedSockets(revocations);
    this.lifetime = lifetime;
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

  /** The request's session token, when it carries one that still counts. */
  Optional<SessionToken> token(HttpServerRequest request) {
    return signed(request).filter(revocations::honours);
  }

  /** The request's correctly signed, unexpired session token, revoked or not. */
  private Optional<SessionToken> signed(HttpServerRequest request) {
    Cookie cookie = request.getCookie(COOKIE);
    return cookie == null ? Optional.empty() : signer.verify(cookie.getValue(), System.currentTimeMillis());
  }

  /** Starts a new session for the user: a fresh id, their current epoch, the configured lifetime. */
  void start(HttpServerResponse response, User user) {
    byte[] id = new byte[16];
    random.nextBytes(id);
    SessionToken token = new SessionToken(user, HexFormat.of().formatHex(id), revocations.epoch(user.id()),
        System.currentTimeMillis() + lifetime.toMillis());
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
