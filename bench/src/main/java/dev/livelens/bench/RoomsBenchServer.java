package dev.livelens.bench;

import dev.livelens.LiveLensServer;
import dev.livelens.account.SignedInUsers;
import dev.livelens.account.User;
import dev.livelens.config.LiveLensConfig;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.metrics.PipelineMetrics;
import dev.livelens.metrics.VertxWithMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import java.util.Optional;

/**
 * The LiveLens server for the rooms benchmark, in its own JVM (its CPU is measured apart from the load's):
 * the real server, whose signed-in people are named by a benchmark cookie, so a hundred of them need no
 * sign-up (Argon2id would cost the benchmark 0.2 s of CPU each). Benchmark code only, never shipped.
 */
public final class RoomsBenchServer {

  static final String COOKIE = "livelens-bench-session";

  private RoomsBenchServer() {
  }

  public static void main(String[] args) {
    LiveLensConfig config = LiveLensConfig.load(args, System.getenv());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = VertxWithMetrics.create(registry);
    SignedInUsers users = request -> {
      Cookie cookie = request.getCookie(COOKIE);
      if (cookie == null || !cookie.getValue().contains(".")) {
        return Optional.empty();
      }
      String[] parts = cookie.getValue().split("\\.", 2);
      return Optional.of(new User(Long.parseLong(parts[0]), parts[1]));
    };
    LiveLensServer.start(vertx, config, FilterCatalog.standard(), new PipelineMetrics(registry), users)
        .onSuccess(server -> System.out.println("rooms bench server on port " + server.port()))
        .onFailure(error -> {
          error.printStackTrace();
          System.exit(1);
        });
  }

  /** The Cookie header that signs {@code name} in as user {@code id}. */
  static String cookie(long id, String name) {
    return COOKIE + "=" + id + "." + name;
  }

}
