package dev.livelens.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses every request, socket upgrades included, whose {@code Host} is not one of this server's
 * origins ({@link TrustedOrigins}): a page on {@code attacker.example} whose name was made to resolve to
 * this server (DNS rebinding) is same-origin with itself, so neither CSRF nor origin checks would stop it.
 * Answered 421 {@code misdirected}.
 */
public final class HostGuard implements Handler<RoutingContext> {

  private final TrustedOrigins trusted;

  public HostGuard(TrustedOrigins trusted) {
    this.trusted = trusted;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (trusted.trustsHost(ctx.request().authority())) {
      ctx.next();
    } else {
      ApiErrors.send(ctx, 421, "misdirected", "this server does not answer to the host "
          + ctx.request().getHeader("Host") + "; open it by its own address (" + trusted.describe()
          + "; the operator adds others with --public-url)");
    }
  }
}
