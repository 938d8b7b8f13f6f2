package dev.livelens.web;

import io.vertx.core.net.HostAndPort;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The origins this server is: the configured public URLs ({@code --public-url}) and the loopback names
 * at the port it listens on. A request naming another host in {@code Host} reached us through a name we
 * never gave out, which is what a DNS-rebinding page does; a page of another origin is another site.
 */
public final class TrustedOrigins {

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

  private final List<URI> publicUrls;
  private final String scheme;
  private final IntSupplier port;

  /**
   * @param publicUrls origins such as {@code https://livelens.example} (lower case, no path)
   * @param tls whether this server itself speaks TLS (the scheme of its loopback origins)
   * @param port the port it listens on, asked at each check (a port-0 server learns it only once listening)
   */
  public TrustedOrigins(List<URI> publicUrls, boolean tls, IntSupplier port) {
    this.publicUrls = List.copyOf(publicUrls);
    this.scheme = tls ? "https" : "http";
    this.port = port;
  }

  /** Whether the request's authority ({@code Host}, or {@code :authority} over HTTP/2) is one of ours. */
  public boolean trustsHost(HostAndPort authority) {
    if (authority == null || authority.host() == null) {
      return false;
    }
    String host = bare(authority.host());
    int given = authority.port();
    if (LOOPBACK.contains(host) && (given == port.getAsInt() || given < 0 && isDefault(scheme, port.getAsInt()))) {
      return true;
    }
    for (URI url : publicUrls) {
      if (bare(url.getHost()).equals(host)
          && (given == effectivePort(url) || given < 0 && isDefault(url.getScheme(), effectivePort(url)))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code origin} (an {@code Origin} header: scheme://host[:port]) is one of ours. */
  public boolean trustsOrigin(String origin) {
    URI uri;
    try {
      uri = new URI(origin.trim().toLowerCase(Locale.ROOT));
    } catch (URISyntaxException e) {
      return false;
    }
    if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      return false;
    }
    String host = bare(uri.getHost());
    int given = effectivePort(uri);
    if (LOOPBACK.contains(host) && scheme.equals(uri.getScheme()) && given == port.getAsInt()) {
      return true;
    }
    return publicUrls.stream().anyMatch(url -> url.getScheme().equals(uri.getScheme())
        && bare(url.getHost()).equals(host) && effectivePort(url) == given);
  }

  /** What a refused client is told it may use instead. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    publicUrls.forEach(url -> out.append(url).append(", "));
    return out.append(scheme).append("://localhost:").append(port.getAsInt()).toString();
  }

  private static String bare(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
  }

  private static int effectivePort(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
  }

  private static boolean isDefault(String scheme, int port) {
    return port == ("https".equals(scheme) ? 443 : 80);
  }
}
