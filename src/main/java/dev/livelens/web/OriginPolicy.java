package dev.livelens.web;

import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a page may open a socket or change something, against cross-site WebSocket hijacking
 * and CSRF: a browser always sends Origin, so an Origin that is neither one of this server's configured
 * origins ({@link TrustedOrigins}; never whatever Host the request named) nor an extra allowed one
 * ({@code --allowed-origins}) is refused. No Origin means a non-browser client, which is let in.
 */
public final class OriginPolicy {

  private final Set<String> allowedOrigins;
  private final TrustedOrigins trusted;

  public OriginPolicy(Set<String> allowedOrigins, TrustedOrigins trusted) {
    this.allowedOrigins = allowedOrigins.stream().map(OriginPolicy::normalise).collect(
        java.util.stream.Collectors.toUnmodifiableSet());
    this.trusted = trusted;
  }

  public boolean allows(HttpServerRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    String normalised = normalise(origin);
    return allowedOrigins.contains(normalised) || trusted.trustsOrigin(normalised);
  }

  private static String normalise(String origin) {
    String lower = origin.trim().toLowerCase(Locale.ROOT);
    return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
