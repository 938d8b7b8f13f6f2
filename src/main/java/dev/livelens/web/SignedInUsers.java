package dev.livelens.web;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Who sent a request, from its session cookie: the same answer for an API call and for a WebSocket
 * upgrade. Answers on the event loop without touching the database (the cookie's token is signed).
 */
public interface SignedInUsers {

  /** Where there are no accounts (the warm-up's private streams): nobody is ever signed in. */
  SignedInUsers NOBODY = new SignedInUsers() {
    @Override
    public Optional<User> of(HttpServerRequest request) {
      return Optional.empty();
    }

    @Override
    public Runnable closeOnSignOut(HttpServerRequest request, ServerWebSocket socket) {
      return () -> { };
    }
  };

  /** The user (an account or a guest) whose valid, unexpired session the request carries; empty when none. */
  Optional<User> of(HttpServerRequest request);

  /**
   * Closes {@code socket}, opened by {@code request}, with {@link CloseCodes#SIGNED_OUT} as soon as the
   * session the request carries is signed out or its password changed, on any node. Returns what the
   * socket's owner calls when it closed otherwise; a request without a session gets a no-op.
   */
  Runnable closeOnSignOut(HttpServerRequest request, ServerWebSocket socket);

  /**
   * The request's user, or a new guest identity made now and given to the browser in the response's cookie:
   * what a feature calls before it makes something (a recording, an upload, a job) that someone must own.
   * Where no guests can be made (this default), a request without a user is refused as not signed in.
   */
  default Future<User> orGuest(RoutingContext ctx) {
    return of(ctx.request()).map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new Problem(401, "not_signed_in", "sign in first")));
  }
}
