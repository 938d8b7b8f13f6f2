package dev.livelens.web;

import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/**
 * Who sent a request, from its session cookie: the same answer for an API call and for a WebSocket
 * upgrade. Answers on the event loop without touching the database (the cookie's token is signed).
 */
public interface SignedInUsers {

  /** The user whose valid, unexpired session the request carries; empty when it carries none. */
  Optional<User> of(HttpServerRequest request);
}
