package dev.livelens.account;

import dev.livelens.web.CloseCodes;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open sockets of signed-in people on this node, each with the session it was opened with, so that a
 * sign-out or a password change anywhere in the cluster closes them at once (4401, "signed out") instead
 * of leaving them speaking for someone who is no longer signed in. Shared by every event loop.
 */
final class SignedSockets {

  private record Held(ServerWebSocket socket, SessionToken token) {
  }

  private final Set<Held> held = ConcurrentHashMap.newKeySet();
  private final Revocations revocations;

  SignedSockets(Revocations revocations) {
    this.revocations = revocations;
    revocations.whenRevoked(this::revoked);
  }

  /** Holds {@code socket} until its session is revoked; the returned action forgets it (its own close). */
  Runnable hold(SessionToken token, ServerWebSocket socket) {
    Held one = new Held(socket, token);
    held.add(one);
    // Checked after adding: a revocation either sees this socket or happened before this read.
    if (!revocations.honours(token)) {
      close(one);
    }
    return () -> held.remove(one);
  }

  int count() {
    return held.size();
  }

  private void revoked(JsonObject change) {
    for (Held one : held) {
      if (!revocations.honours(one.token())) {
        close(one);
      }
    }
  }

  private void close(Held one) {
    held.remove(one);
    one.socket().close(CloseCodes.SIGNED_OUT, "signed out");
  }
}
