package dev.livelens;

import dev.livelens.account.AccountServices;
import dev.livelens.analytics.AnalyticsFeature;
import dev.livelens.social.SocialFeature;
import dev.livelens.bus.FrameMessageCodec;
import dev.livelens.config.LiveLensConfig;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.http.HttpVerticle;
import dev.livelens.http.OpsFeature;
import dev.livelens.http.OpsVerticle;
import dev.livelens.http.ServesPort;
import dev.livelens.library.Library;
import dev.livelens.library.LibraryFeature;
import dev.livelens.metrics.NodeReports;
import dev.livelens.metrics.PipelineMetrics;
import dev.livelens.stream.StreamRecording;
import dev.livelens.vision.JpegCodec;
import dev.livelens.vision.JpegCodecs;
import dev.livelens.vision.OpenCvNatives;
import dev.livelens.warmup.WarmupVerticle;
import dev.livelens.web.Feature;
import dev.livelens.web.MetricsAccess;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running application inside a Vert.x instance: the list of features the node's role asks for,
 * started once each in order (every one after those it uses) and stopped in reverse, then the HTTP
 * verticles, one per event loop, on which every feature mounts its routes. Main uses it, and so do tests
 * and applications that embed LiveLens.
 */
public final class LiveLensServer {

  private static final Logger LOG = LoggerFactory.getLogger(LiveLensServer.class);

  private final Vertx vertx;
  private final LiveLensConfig config;
  private final FilterCatalog catalog;
  private final PipelineMetrics metrics;
  private final Supplier<JpegCodec> codecs;
  private final JsonObject info;
  private final Promise<Void> readiness = Promise.promise();
  /** Read by /healthz on the event loop, set once the warm-up is over. */
  private volatile boolean ready;
  private final RoleFeatures features;
  /** The features started so far, for a stop. */
  private final List<Feature> started = new ArrayList<>();
  private final List<HttpVerticle> httpInstances = new ArrayList<>();
  private String httpDeployment;
  private ServesPort http;

  private LiveLensServer(Vertx vertx, LiveLensConfig config, FilterCatalog catalog, PipelineMetrics metrics) {
    this.vertx = vertx;
    this.config = config;
    this.catalog = catalog;
    this.metrics = metrics;
    this.codecs = JpegCodecs.select(config.codec());
    this.info = info(config, codecName(config));
    this.features = new RoleFeatures(config, catalog, metrics, codecs,
        new OpsFeature(info, metrics.registry(), () -> ready, new MetricsAccess(config.edge().metricsToken())));
  }

  /**
   * Starts the role's features in order, then opens the port, so the first frame always finds a worker.
   * The port opens before the warm-up, so /healthz can say "starting" meanwhile; {@link #ready()} tells
   * when it ends.
   */
  public static Future<LiveLensServer> start(Vertx vertx, LiveLensConfig config, FilterCatalog catalog,
      PipelineMetrics metrics) {
    OpenCvNatives.load();
    FrameMessageCodec.registerOn(vertx.eventBus());
    metrics.describeNode(config.role().flagValue());
    NodeReports.start(vertx, metrics.registry(), config.cluster().nodeName(), config.role().flagValue());
    LiveLensServer server = new LiveLensServer(vertx, config, catalog, metrics);
    return server.startFeatures().compose(v -> server.deployHttp()).map(id -> server.warmUp());
  }

  private Future<Void> startFeatures() {
    Future<Void> chain = Future.succeededFuture();
    for (Feature feature : features.inOrder) {
      chain = chain.compose(v -> feature.start(vertx).map(done -> {
        started.add(feature);
        return (Void) null;
      }));
    }
    return chain;
  }

  /**
   * Stops the node within {@code budgetMs}: first gracefully (see {@link GracefulStop}: no new connections,
   * stream and room clients told it is going away, recordings and upload chunks finished), then the HTTP
   * verticles and the started features in reverse order. Never fails; Vert.x is the caller's to close.
   */
  public Future<Void> stop(long budgetMs) {
    long deadline = System.currentTimeMillis() + budgetMs;
    Future<Void> graceful = GracefulStop.run(vertx, httpInstances, features.sockets, features.recording == null
        ? StreamRecording.UNAVAILABLE : features.recording.recordings(),
        features.uploads == null ? null : features.uploads.uploads(), budgetMs);
    return graceful.compose(told -> Future.any(stopFeatures(),
        vertx.timer(Math.max(1, deadline - System.currentTimeMillis()))).<Void>mapEmpty());
  }

  /** Closes the port, then stops the started features in reverse order; failures are logged, not fatal. */
  private Future<Void> stopFeatures() {
    Future<Void> chain = httpDeployment == null ? Future.succeededFuture()
        : vertx.undeploy(httpDeployment).recover(this::logged);
    for (int i = started.size() - 1; i >= 0; i--) {
      Feature feature = started.get(i);
      chain = chain.compose(v -> feature.stop().<Void>mapEmpty().recover(this::logged));
    }
    return chain.onComplete(done -> started.clear());
  }

  private Future<Void> logged(Throwable error) {
    LOG.warn("While stopping: {}", error.toString());
    return Future.succeededFuture();
  }

  /** Completes when /healthz answers ok: after the warm-up, or at once with --warmup-seconds 0. */
  public Future<Void> ready() {
    return readiness.future();
  }

  private LiveLensServer warmUp() {
    Future<?> warmup = config.warmupSeconds() == 0 ? Future.succeededFuture()
        : vertx.deployVerticle(new WarmupVerticle(config, catalog, info)).compose(vertx::undeploy);
    // A failed warm-up only costs speed: the server still serves, so it must not stay "starting" forever.
    warmup.onFailure(error -> LOG.warn("Warm-up failed, serving without it: {}", error.toString()))
        .onComplete(done -> {
          ready = true;
          readiness.complete();
        });
    return this;
  }

  private Future<String> deployHttp() {
    if (!config.role().runsHttp()) {
      OpsVerticle opsOnly = new OpsVerticle(config.host(), config.port(), features.ops);
      http = opsOnly;
      return vertx.deployVerticle(opsOnly).onSuccess(id -> httpDeployment = id);
    }
    int port = HttpVerticle.portForInstances(config.port());
    return vertx.deployVerticle(() -> {
      HttpVerticle verticle = new HttpVerticle(config, features.inOrder, features.socketLimits).onPort(port);
      httpInstances.add(verticle);
      return verticle;
    }, new DeploymentOptions().setInstances(config.eventLoops())).onSuccess(id -> {
      httpDeployment = id;
      http = httpInstances.get(0);
    });
  }

  /**
   * Stream connections open on each HTTP verticle (one per event loop), in deployment order: how the
   * connections spread, for tests and embedders. Empty on a worker node.
   */
  public List<Integer> streamsPerEventLoop() {
    return features.stream == null ? List.of() : features.stream.openPerEventLoop();
  }

  /** Deploys the workers again after {@link #undeployWorkers()}. */
  public Future<Void> deployWorkers() {
    return features.workers.deploy();
  }

  /** Takes every worker away (frames get busy errors until {@link #deployWorkers()} runs again). */
  public Future<Void> undeployWorkers() {
    return features.workers == null ? Future.succeededFuture() : features.workers.stop();
  }

  public int port() {
    return http.actualPort();
  }

  /** The library of an HTTP node (empty on a worker node): for tests and embedders that add videos. */
  public Optional<Library> library() {
    return Optional.ofNullable(features.library).map(LibraryFeature::library);
  }

  /** Accounts and sessions of an HTTP node (empty on a worker node): who signed in, for other features. */
  public Optional<AccountServices> accounts() {
    return Optional.ofNullable(features.accounts);
  }

  /** Watch analytics of an HTTP node (empty on a worker node). */
  public Optional<AnalyticsFeature> analytics() {
    return Optional.ofNullable(features.analytics);
  }

  /** Likes, replies, following and the feed of an HTTP node (empty on a worker node). */
  public Optional<SocialFeature> social() {
    return Optional.ofNullable(features.social);
  }

  public PipelineMetrics metrics() {
    return metrics;
  }

  /** The codec the workers really use: what "auto" resolved to on this machine. */
  public static String codecName(LiveLensConfig config) {
    return "auto".equals(config.codec()) ? JpegCodecs.bestName() : config.codec();
  }

  private static JsonObject info(LiveLensConfig config, String codec) {
    return new JsonObject()
        .put("name", "LiveLens")
        .put("role", config.role().flagValue())
        .put("node", config.cluster().nodeName())
        .put("cluster", config.cluster().enabled())
        .put("protocol", 1)
        .put("codec", codec)
        .put("opencv", OpenCvNatives.version())
        .put("workers", config.role().runsWorkers() ? config.workers() : 0)
        .put("maxFrameBytes", config.maxFrameBytes())
        .put("maxImageSide", config.maxImageSide())
        .put("maxInFlight", config.maxInFlight())
        .put("java", System.getProperty("java.version"));
  }
}
