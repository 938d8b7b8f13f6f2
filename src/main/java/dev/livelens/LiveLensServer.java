package dev.livelens;

import dev.livelens.account.AccountServices;
import dev.livelens.analytics.AnalyticsRoutes;
import dev.livelens.bus.FrameMessageCodec;
import dev.livelens.config.LiveLensConfig;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.http.ConnectionLimiter;
import dev.livelens.http.DashboardRoutes;
import dev.livelens.http.HttpVerticle;
import dev.livelens.http.OpenSockets;
import dev.livelens.http.OpsVerticle;
import dev.livelens.http.OriginPolicy;
import dev.livelens.http.ServesPort;
import dev.livelens.library.Library;
import dev.livelens.library.LibraryPages;
import dev.livelens.library.VideoRoutes;
import dev.livelens.metrics.DashboardFeed;
import dev.livelens.metrics.NodeReports;
import dev.livelens.metrics.PipelineMetrics;
import dev.livelens.rooms.RoomsRoutes;
import dev.livelens.stream.LostFrames;
import dev.livelens.stream.PendingBytes;
import dev.livelens.upload.UploadRoutes;
import dev.livelens.upload.Uploads;
import dev.livelens.stream.StreamRecording;
import dev.livelens.stream.StreamServices;
import dev.livelens.vision.JpegCodec;
import dev.livelens.vision.JpegCodecs;
import dev.livelens.vision.OpenCvNatives;
import dev.livelens.warmup.WarmupVerticle;
import dev.livelens.worker.FilterWorkerVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running application inside a Vert.x instance: what the node's role asks for, the OpenCV workers
 * and the HTTP side, after the start-up every node shares (OpenCV, the bus codec, the node's meters).
 * Main uses it, and so do tests and applications that embed LiveLens.
 */
public final class LiveLensServer {

  public static final String WORKER_POOL = "livelens-opencv";
  private static final Logger LOG = LoggerFactory.getLogger(LiveLensServer.class);

  private final Vertx vertx;
  private final LiveLensConfig config;
  private final FilterCatalog catalog;
  private final PipelineMetrics metrics;
  private final Supplier<JpegCodec> codecs;
  private final JsonObject info;
  private ServesPort http;
  /** The HTTP verticles, one per event loop, all on the same port. */
  private final List<HttpVerticle> httpInstances = new CopyOnWriteArrayList<>();
  private final Promise<Void> readiness = Promise.promise();
  /** Read by /healthz on the event loop, set once the warm-up is over. */
  private volatile boolean ready;
  private MediaServices media;
  private AccountServices accounts;
  private Uploads uploads;
  /** The stream and room sockets, told (1001) when the node stops. */
  private final OpenSockets sockets = new OpenSockets();
  private String workersDeployment;

  private LiveLensServer(Vertx vertx, LiveLensConfig config, FilterCatalog catalog, PipelineMetrics metrics) {
    this.vertx = vertx;
    this.config = config;
    this.catalog = catalog;
    this.metrics = metrics;
    this.codecs = JpegCodecs.select(config.codec());
    this.info = info(config, codecName(config));
  }

  /**
   * Deploys workers first, then opens the port, so the first frame always finds a worker. The port
   * opens before the warm-up, so /healthz can say "starting" meanwhile; {@link #ready()} tells when it ends.
   */
  public static Future<LiveLensServer> start(Vertx vertx, LiveLensConfig config, FilterCatalog catalog,
      PipelineMetrics metrics) {
    OpenCvNatives.load();
    FrameMessageCodec.registerOn(vertx.eventBus());
    metrics.describeNode(config.role().flagValue());
    NodeReports.start(vertx, metrics.registry(), config.cluster().nodeName(), config.role().flagValue());
    LiveLensServer server = new LiveLensServer(vertx, config, catalog, metrics);
    Future<?> workers = config.role().runsWorkers() ? server.deployWorkers() : Future.succeededFuture();
    return workers.compose(done -> server.deployHttp()).map(id -> server.warmUp());
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
      OpsVerticle ops = new OpsVerticle(config.host(), config.port(), info, metrics.registry(), () -> ready);
      http = ops;
      return vertx.deployVerticle(ops);
    }
    return MediaServices.start(vertx, config, codecs, catalog).compose(started -> Uploads.start(vertx,
        config.storage(), started.library(), started.ffmpeg(), started.quota()).compose(uploads ->
        AccountServices.start(vertx, config, started.database().pool()).compose(accountServices -> {
      media = started;
      accounts = accountServices;
      this.uploads = uploads;
      PendingBytes pending = new PendingBytes(config.maxPendingBytes());
      metrics.pendingBytes(pending::held);
      StreamServices streams = new StreamServices(vertx, config, catalog, metrics, pending,
          LostFrames.start(vertx, config.maxWaitMs()), started.recordings(), accountServices.signedInUsers());
      OriginPolicy origins = new OriginPolicy(config.allowedOrigins());
      DashboardFeed dashboards = new DashboardFeed(metrics.registry(), config.idleTimeoutSeconds());
      ConnectionLimiter limiter = new ConnectionLimiter(config.maxConnections(), config.maxConnectionsPerAddress());
      Consumer<Router> features = router -> {
        DashboardRoutes.mount(router, dashboards, origins);
        // Analytics first: its /api/videos/<id>/analytics would otherwise meet the library's media files.
        AnalyticsRoutes.mount(router, vertx, started.library().videos(), started.database(),
            metrics.registry(), origins);
        started.jobs().ifPresent(jobs -> jobs.mount(router));
        VideoRoutes.mount(router, started.library(), started.store());
        LibraryPages.mount(router);
        UploadRoutes.mount(router, uploads);
        accountServices.mount(router);
        // One per HTTP verticle (event loop): rooms keep their state in shared maps and talk over the bus.
        RoomsRoutes.mount(router, vertx, config.rooms(), started.database().pool(), accountServices.signedInUsers(),
            origins, sockets);
      };
      int port = HttpVerticle.portForInstances(config.port());
      return vertx.deployVerticle(dashboards).compose(feed -> vertx.deployVerticle(() -> {
        HttpVerticle verticle = new HttpVerticle(streams, info, limiter, features, () -> ready).onPort(port)
            .closingWith(sockets);
        httpInstances.add(verticle);
        return verticle;
      }, new DeploymentOptions().setInstances(config.eventLoops())).onSuccess(id -> http = httpInstances.get(0)));
    })));
  }

  /**
   * Stops the node gracefully within {@code budgetMs} (see {@link GracefulStop}): no new connections, stream
   * and room clients told it is going away, recordings and upload chunks finished. Never fails; Vert.x is
   * the caller's to close afterwards.
   */
  public Future<Void> stop(long budgetMs) {
    return GracefulStop.run(vertx, httpInstances, sockets,
        media == null ? StreamRecording.UNAVAILABLE : media.recordings(), uploads, budgetMs);
  }

  /**
   * Stream connections open on each HTTP verticle (one per event loop), in deployment order: how the
   * connections spread, for tests and embedders. Empty on a worker node.
   */
  public List<Integer> streamsPerEventLoop() {
    return httpInstances.stream().map(HttpVerticle::openStreams).toList();
  }

  public Future<String> deployWorkers() {
    DeploymentOptions options = new DeploymentOptions()
        .setThreadingModel(ThreadingModel.WORKER)
        .setWorkerPoolName(WORKER_POOL)
        .setWorkerPoolSize(config.workers())
        .setInstances(config.workers());
    return vertx.deployVerticle(() -> new FilterWorkerVerticle(catalog, codecs, config.jpegQuality(), metrics,
        config.cluster().nodeName()),
        options).onSuccess(id -> {
          workersDeployment = id;
          metrics.workersDeployed(config.workers());
        });
  }

  /** Takes every worker away (frames get busy errors until {@link #deployWorkers()} runs again). */
  public Future<Void> undeployWorkers() {
    String id = workersDeployment;
    workersDeployment = null;
    return id == null ? Future.succeededFuture() : vertx.undeploy(id).onSuccess(v -> metrics.workersDeployed(0));
  }

  public int port() {
    return http.actualPort();
  }

  /** The library of an HTTP node (empty on a worker node): for tests and embedders that add videos. */
  public Optional<Library> library() {
    return Optional.ofNullable(media).map(MediaServices::library);
  }

  /** Accounts and sessions of an HTTP node (empty on a worker node): who signed in, for other features. */
  public Optional<AccountServices> accounts() {
    return Optional.ofNullable(accounts);
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
