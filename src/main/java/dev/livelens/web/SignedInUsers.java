package dev.livelens.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
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

  /** The user whose valid, unexpired session the request carries; empty when it carries none. */
  Optional<User> of(HttpServerRequest request);

  /**
   * Closes {@code socket}, opened by {@code request}, with {@link CloseCodes#SIGNED_OUT} as soon as the
   * session the request carries is signed out or its password changed, on any node. Returns what the
   * socket's owner calls when it closed otherwise; a request without a session gets a no-op.
   */
  Runnable closeOnSignOut(HttpServerRequest request, ServerWebSocket socket);
}
