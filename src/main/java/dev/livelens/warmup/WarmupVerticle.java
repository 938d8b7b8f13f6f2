package dev.livelens.warmup;

import dev.livelens.config.LiveLensConfig;
import dev.livelens.filter.FilterCatalog;

import dev.livelens.http.HttpVerticle;
import dev.livelens.metrics.PipelineMetrics;

import dev.livelens.stream.StreamRecording;
import dev.livelens.stream.StreamFeature;
import dev.livelens.web.OpenSockets;
import dev.livelens.web.SignedInUsers;
import dev.livelens.web.SocketLimits;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets the JIT to compile the frame path before the first user arrives: streams the bundled frames
 * through every filter, one filter after another, over real WebSockets to a private HTTP verticle on
 * a loopback port, so the very code users hit (Netty's WebSocket decoding, the session's checks, the
 * event bus, the workers, the JPEG codec) is what gets hot. The first half of the time sends small
 * frames, the second the camera-sized ones: code run once a frame reaches the optimising compiler only
 * after some thousands of calls, more than full-sized frames give in a few seconds on a small machine,
 * and the full-sized frames come last so the workers' reused Mats are left at the size users send. The
 * private verticle counts into its own
 * throw-away meters, so the public frame counters start at zero. Its start completes when the warm-up
 * is over and everything it opened is closed again.
 */
public final class WarmupVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(WarmupVerticle.class);
  /** Connections per filter: with two frames each in flight, enough to keep every worker busy. */
  static final int STREAMS = 8;
  private static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
  private static final int SMALL_WIDTH = 160;
  private static final int SMALL_HEIGHT = 120;

  private final LiveLensConfig config;
  private final FilterCatalog catalog;
  private final JsonObject info;
  private WebSocketClient client;

  public WarmupVerticle(LiveLensConfig config, FilterCatalog catalog, JsonObject info) {
    this.config = config;
    this.catalog = catalog;
    this.info = info;
  }

  @Override
  public Future<?> start() {
    long began = System.nanoTime();
    List<String> filters = catalog.names();
    long phaseMillis = config.warmupSeconds() * 1000L / filters.size() / 2;
    LOG.info("Warm-up started: {} s, {} streams through each filter of {}, small frames then full-sized, "
        + "before /healthz reports ready", config.warmupSeconds(), STREAMS, filters);
    // The warm-up's streams count into throw-away meters and belong to nobody.
    StreamFeature privateStreams = new StreamFeature(config, catalog,
        new PipelineMetrics(new SimpleMeterRegistry()), () -> StreamRecording.UNAVAILABLE,
        () -> SignedInUsers.NOBODY, new OpenSockets()).quiet();
    HttpVerticle loopback = new HttpVerticle(config, List.of(privateStreams),
        SocketLimits.of(config.sockets(), config.maxConnections())).onLoopback();
    client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(config.sockets().maxFrameBytes()).setMaxMessageSize(MAX_MESSAGE_BYTES));
    Map<String, Long> small = new LinkedHashMap<>();
    Map<String, Long> full = new LinkedHashMap<>();
    return vertx.executeBlocking(WarmupFrames::load, false)
        .compose(frames -> vertx.executeBlocking(() -> frames.shrunk(SMALL_WIDTH, SMALL_HEIGHT), false)
            .compose(smallFrames -> privateStreams.start(vertx).compose(started -> vertx.deployVerticle(loopback))
                .compose(id -> allFilters(smallFrames, filters, loopback.actualPort(), phaseMillis, small)
                    .compose(v -> allFilters(frames, filters, loopback.actualPort(), phaseMillis, full))
                    .eventually(() -> vertx.undeploy(id).eventually(privateStreams::stop)))))
        .onSuccess(done -> LOG.info("Warm-up done in {} ms; frames answered per filter, {}x{}: {}, 640x480: {}",
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), SMALL_WIDTH, SMALL_HEIGHT, small, full));
  }

  @Override
  public Future<?> stop() {
    return client == null ? Future.succeededFuture() : client.close();
  }

  /** One filter after another, so each gets the workers to itself and its frame count is its own. */
  private Future<Void> allFilters(WarmupFrames frames, List<String> filters, int port, long phaseMillis,
      Map<String, Long> answered) {
    Future<Void> chain = Future.succeededFuture();
    for (String filter : filters) {
      chain = chain.compose(v -> onePhase(frames, filter, port, phaseMillis, answered));
    }
    return chain;
  }

  private Future<Void> onePhase(WarmupFrames frames, String filter, int port, long millis,
      Map<String, Long> answered) {
    // Different first frames, so the streams do not send the same picture at the same moment.
    List<WarmupStream> streams = IntStream.range(0, STREAMS)
        .mapToObj(i -> new WarmupStream(frames, i * 5L)).toList();
    return Future.all(streams.stream().map(stream -> stream.open(client, port, filter)).toList())
        .compose(opened -> {
          streams.forEach(WarmupStream::start);
          return vertx.timer(millis, TimeUnit.MILLISECONDS);
        })
        .eventually(() -> Future.all(streams.stream().map(WarmupStream::close).toList()))
        .onSuccess(done -> answered.put(filter, streams.stream().mapToLong(WarmupStream::answered).sum()))
        .mapEmpty();
  }
}
