package dev.livelens.account;

import dev.livelens.web.User;

import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * What a session cookie says, once its signature is checked: who, which session (for sign-out), the
 * user's session epoch when it was issued (a password change raises it) and when it expires.
 */
record SessionToken(User user, String sessionId, int epoch, long expiresAtMs) {

  JsonObject toJson() {
    return new JsonObject().put("u", user.id()).put("n", user.username()).put("g", user.guest()).put("s", sessionId).put("e", epoch)
        .put("x", expiresAtMs);
  }

  /** The token a signed payload describes; empty when a field is missing or of the wrong kind. */
  static Optional<SessionToken> fromJson(JsonObject json) {
    if (json.getValue("u") instanceof Number id && json.getValue("n") instanceof String name
        && json.getValue("s") instanceof String session && json.getValue("e") instanceof Number epoch
        && json.getValue("x") instanceof Number expires) {
      boolean guest = Boolean.TRUE.equals(json.getValue("g"));
      return Optional.of(new SessionToken(new User(id.longValue(), name, guest, false), session, epoch.intValue(),
          expires.longValue()));
    }
    return Optional.empty();
  }

  /** The same token speaking of {@code who} (an admin flag is never signed: it comes from the options). */
  SessionToken as(User who) {
    return new SessionToken(who, sessionId, epoch, expiresAtMs);
  }

  SessionToken withEpoch(int newEpoch) {
    return new SessionToken(user, sessionId, newEpoch, expiresAtMs);
  }
}
