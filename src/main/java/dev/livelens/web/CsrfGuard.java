package dev.livelens.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * Cross-site request forgery, refused for every request that changes something (POST, PUT, PATCH,
 * DELETE): a browser names the page that sent it in Origin and Sec-Fetch-Site, and a page of another site
 * may not act with the visitor's cookie. A request with neither header comes from no browser (a script,
 * curl, another server) and goes on, as on the stream socket. JSON routes also require a JSON content
 * type ({@link JsonBody}), which no cross-site form can send.
 */
public final class CsrfGuard implements Handler<RoutingContext> {

  private static final Set<HttpMethod> CHANGES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
      HttpMethod.DELETE);

  private final OriginPolicy origins;

  public CsrfGuard(OriginPolicy origins) {
    this.origins = origins;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!CHANGES.contains(ctx.request().method())) {
      ctx.next();
    } else if ("cross-site".equals(ctx.request().getHeader("Sec-Fetch-Site"))) {
      ApiErrors.send(ctx, 403, "cross_site", "requests from another site's page may not change anything here");
    } else if (!origins.allows(ctx.request())) {
      ApiErrors.send(ctx, 403, "forbidden_origin", "requests from the origin " + ctx.request().getHeader("Origin")
          + " may not change anything here; use this server's own pages");
    } else {
      ctx.next();
    }
  }
}
