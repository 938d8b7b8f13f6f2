package dev.livelens.web;

import io.vertx.core.Handler;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The one way a WebSocket opens on this server. A page of a foreign origin is refused before anything
 * else, the same way on every path (403, {@code forbidden_origin}); then the feature's own checks, which
 * refuse with a {@link Problem} (401 nobody signed in, 400 a bad parameter); then the path's count of
 * sockets from the client's address; then the upgrade, synchronously in the handler as vertx-web requires.
 * An address over its count still gets the socket, told why ({@code too_many_sockets}) and closed with
 * 1013: a browser cannot read the status of a refused upgrade. The socket's messages are read with the
 * path's own size limit ({@link SocketMessages}).
 */
public final class SocketUpgrade implements Handler<RoutingContext> {

  /** A feature's side of an upgrade: check the request, then say what happens to the socket. */
  public interface Admission {
    /** Throws a {@link Problem} to refuse before the upgrade; runs on the event loop, must not block. */
    Admitted admit(RoutingContext ctx);
  }

  /** What a feature does with an open socket and the reader of its messages. */
  public interface Opener {
    void open(ServerWebSocket socket, SocketMessages messages);
  }

  /**
   * What to do with the socket once open, and what to undo if the upgrade fails after admission
   * (a slot taken from a limiter).
   */
  public record Admitted(Opener open, Runnable abandoned) {
    /**
     * A socket whose messages the feature reads, and whose close it hears, through {@link SocketMessages}
     * (never the socket's own close handler, which the reader keeps to free the socket's slot).
     */
    public static Admitted to(Opener open) {
      return new Admitted(open, () -> { });
    }
  }

  static final Problem FOREIGN_ORIGIN = new Problem(403, "forbidden_origin",
      "this socket opens only from this server's own pages (or an origin the operator allowed)");

  private final OriginPolicy origins;
  private final SocketLimits limits;
  private final ConnectionLimiter perAddress;
  private final int maxMessageBytes;
  private final Admission admission;

  private SocketUpgrade(OriginPolicy origins, SocketLimits limits, ConnectionLimiter perAddress,
      int maxMessageBytes, Admission admission) {
    this.origins = origins;
    this.limits = limits;
    this.perAddress = perAddress;
    this.maxMessageBytes = maxMessageBytes;
    this.admission = admission;
  }

  /**
   * @param path names the path's count of sockets per address, or null when the feature counts its own
   * @param maxMessageBytes the largest message the path reads
   */
  static SocketUpgrade of(OriginPolicy origins, SocketLimits limits, String path, int maxMessageBytes,
      Admission admission) {
    return new SocketUpgrade(origins, limits, path == null ? null : limits.path(path), maxMessageBytes, admission);
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
    String address = ctx.request().remoteAddress().hostAddress();
    if (perAddress != null && !perAddress.tryAcquire(address)) {
      admitted.abandoned().run();
      ctx.request().toWebSocket().onSuccess(this::tooMany);
      return;
    }
    Runnable release = perAddress == null ? () -> { } : () -> perAddress.release(address);
    ctx.request().toWebSocket().onSuccess(socket ->
        admitted.open().open(socket, limits.messages(maxMessageBytes).readFrom(socket, release))).onFailure(error -> {
      release.run();
      admitted.abandoned().run();
    });
  }

  private void tooMany(ServerWebSocket socket) {
    socket.writeTextMessage(new JsonObject().put("type", "error").put("error", "too_many_sockets")
        .put("code", "too_many_sockets").put("message", "this address has " + limits.maxPerAddress()
            + " sockets open here already; close one, or try again later").encode())
        .eventually(() -> socket.close(CloseCodes.TRY_AGAIN_LATER, "too many sockets from this address"));
  }
}
