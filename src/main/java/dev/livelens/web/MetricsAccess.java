package dev.livelens.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may read the server's metrics: {@code /metrics} answers loopback clients and a scraper that shows
 * {@code --metrics-token} as a bearer token; the dashboard's feed ({@code /ws/metrics}) answers loopback
 * clients only. Metrics carry no ids, but they tell an outsider how busy the server is and what it runs.
 */
public final class MetricsAccess {

  private final Optional<byte[]> token;

  public MetricsAccess(Optional<String> token) {
    this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
  }

  /** The guard in front of {@code /metrics}. */
  public Handler<RoutingContext> scrape() {
    return ctx -> {
      if (isLoopback(ctx.request()) || bearerMatches(ctx.request().getHeader("Authorization"))) {
        ctx.next();
      } else {
        Failures.answer(ctx, new Problem(403, "forbidden", token.isPresent()
            ? "/metrics needs the bearer token the operator set with --metrics-token"
            : "/metrics answers only this machine; the operator can set --metrics-token for a scraper elsewhere"));
      }
    };
  }

  /** Refuses (403) a dashboard request from anywhere but this machine; for a socket's admission. */
  public void requireLoopback(RoutingContext ctx) {
    if (!isLoopback(ctx.request())) {
      throw new Problem(403, "forbidden", "the dashboard opens only on the server's own machine "
          + "(for example through an SSH tunnel to its port)");
    }
  }

  private boolean bearerMatches(String header) {
    if (token.isEmpty() || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(token.get(), header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
  }

  static boolean isLoopback(HttpServerRequest request) {
    SocketAddress remote = request.remoteAddress();
    if (remote == null || remote.hostAddress() == null) {
      return false;
    }
    String address = remote.hostAddress();
    return address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1")
        || address.startsWith("::ffff:127.");
  }
}
