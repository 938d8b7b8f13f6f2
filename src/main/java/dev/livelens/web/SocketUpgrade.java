package dev.livelens.web;

import io.vertx.core.Handler;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;

/**
 * The one way a WebSocket opens on this server. A page of a foreign origin is refused before anything
 * else, the same way on every path (403, {@code forbidden_origin}); then the feature's own checks, which
 * refuse with a {@link Problem} (401 nobody signed in, 400 a bad parameter); then the upgrade, synchronously
 * in the handler as vertx-web requires.
 */
public final class SocketUpgrade implements Handler<RoutingContext> {

  /** A feature's side of an upgrade: check the request, then say what happens to the socket. */
  public interface Admission {
    /** Throws a {@link Problem} to refuse before the upgrade; runs on the event loop, must not block. */
    Admitted admit(RoutingContext ctx);
  }

  /**
   * What to do with the socket once open, and what to undo if the upgrade fails after admission
   * (a slot taken from a limiter).
   */
  public record Admitted(Handler<ServerWebSocket> open, Runnable abandoned) {
    public static Admitted to(Handler<ServerWebSocket> open) {
      return new Admitted(open, () -> { });
    }
  }

  static final Problem FOREIGN_ORIGIN = new Problem(403, "forbidden_origin",
      "this socket opens only from this server's own pages (or an origin the operator allowed)");

  private final OriginPolicy origins;
  private final Admission admission;

  private SocketUpgrade(OriginPolicy origins, Admission admission) {
    this.origins = origins;
    this.admission = admission;
  }

  public static SocketUpgrade of(OriginPolicy origins, Admission admission) {
    return new SocketUpgrade(origins, admission);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!origins.allows(ctx.request())) {
      Failures.answer(ctx, FOREIGN_ORIGIN);
      return;
    }
    Admitted admitted;
    try {
      admitted = admission.admit(ctx);
    } catch (Problem refused) {
      Failures.answer(ctx, refused);
      return;
    }
    ctx.request().toWebSocket().onSuccess(admitted.open()).onFailure(error -> admitted.abandoned().run());
  }
}
