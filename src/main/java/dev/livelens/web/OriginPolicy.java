package dev.livelens.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a WebSocket upgrade may proceed, against cross-site WebSocket hijacking: a browser
 * always sends Origin, so an Origin that is neither this server's nor configured is refused.
 * No Origin means a non-browser client, which is let in.
 */
public final class OriginPolicy {

  private final Set<String> allowedOrigins;

  public OriginPolicy(Set<String> allowedOrigins) {
    this.allowedOrigins = allowedOrigins.stream().map(OriginPolicy::normalise).collect(
        java.util.stream.Collectors.toUnmodifiableSet());
  }

  public boolean allows(HttpServerRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    String normalised = normalise(origin);
    if (allowedOrigins.contains(normalised)) {
      return true;
    }
    // The authority, not the Host header: over HTTP/2 (a client's h2c upgrade) the host comes as :authority.
    HostAndPort authority = request.authority();
    return authority != null && sameHost(normalised, (authority.host()
        + (authority.port() >= 0 ? ":" + authority.port() : "")).toLowerCase(Locale.ROOT));
  }

  /** The page's own origin: scheme://host[:port] whose host and port are the Host the request came to. */
  private static boolean sameHost(String origin, String host) {
    try {
      URI uri = new URI(origin);
      if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        return false;
      }
      int defaultPort = "https".equals(uri.getScheme()) ? 443 : 80;
      int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
      String originAuthority = uri.getHost() + ":" + port;
      String hostAuthority = host.contains(":") && !host.endsWith("]") ? host : host + ":" + defaultPort;
      return originAuthority.equals(hostAuthority);
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static String normalise(String origin) {
    String lower = origin.trim().toLowerCase(Locale.ROOT);
    return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
