package dev.livelens.stream;

import dev.livelens.web.RandomIds;

import dev.livelens.web.User;
import dev.livelens.bus.Addresses;
import dev.livelens.config.LiveLensConfig;
import dev.livelens.filter.BadParamsException;
import dev.livelens.filter.FilterSpec;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import dev.livelens.web.SocketMessages;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream connection: greets the client, applies its commands, hands its frames to the
 * {@link FrameFlow} and tears everything down when the socket closes. Runs on one event loop and only
 * moves bytes. Every stream has an unguessable id; its processed frames are published on
 * {@link Addresses#processed(String)}.
 */
public final class StreamSession implements ClientReader.Commands, StatsTicker.Reporter {

  private static final Logger LOG = LoggerFactory.getLogger(StreamSession.class);

  private final String id = RandomIds.LONG.next();
  private final ServerWebSocket socket;
  private final StreamServices services;
  private final LiveLensConfig config;
  private final ClientChannel client;
  private final ClientErrors errors;
  private final FrameFlow frames;
  private final StreamBackground background;
  private SelectedFilter filter;
  private long pingTimer;
  private Runnable onClosed = () -> { };
  private StreamOwner owner;
  /** Who the stream's recordings belong to: the user who opened it, if any. */
  private Long ownerId;

  /** @param stats the stats messages of this event loop's streams (the socket's own) */
  public StreamSession(ServerWebSocket socket, StreamServices services, StatsTicker stats) {
    this.socket = socket;
    this.services = services;
    this.config = services.config();
    this.client = new ClientChannel(socket);
    this.errors = new ClientErrors(id, client, config.garbageLimit());
    this.frames = new FrameFlow(id, client, errors, services, () -> stats.due(this));
    this.background = new StreamBackground(services.vertx().eventBus(), id, config.maxImageSide(),
        config.frameTimeoutMs());
  }

  public String id() {
    return id;
  }

  /** Marks the stream as this signed-in user's, so their rooms may show it (call before {@link #start}). */
  public StreamSession ownedBy(User user) {
    owner = StreamOwner.answer(services.vertx(), id, user);
    ownerId = user.id();
    return this;
  }

  /**
   * Greets the client and starts reading.
   *
   * @param messages the socket's messages, with the stream's size limit
   * @param initialFilter the filter named in the upgrade's query, or null
   * @param onClosed run once when the socket closes
   */
  public void start(SocketMessages messages, String initialFilter, Runnable onClosed) {
    this.onClosed = onClosed;
    Vertx vertx = services.vertx();
    services.metrics().sessionOpened();
    new ClientReader(this, config.maxFrameBytes(), config.maxTextMessagesPerSecond()).readFrom(messages);
    messages.onClose(this::onClose);
    pingTimer = vertx.setPeriodic(config.idleTimeoutSeconds() * 1000L / 3, t -> client.ping());
    log("stream {} opened from {}", id, socket.remoteAddress());
    client.text(WireFormat.hello(id, services.catalog().names(), config.maxFrameBytes()));
    selectFilter(initialFilter == null ? "none" : initialFilter, new JsonObject());
  }

  /** A closed socket has nothing more to hear: done too. */
  @Override
  public boolean sendStats() {
    return client.isClosed() || client.text(WireFormat.stats(frames.counts(filter.name())));
  }

  @Override
  public void selectFilter(String name, JsonObject given) {
    FilterSpec spec = services.catalog().spec(name).orElse(null);
    if (spec == null) {
      errors.reject(ErrorCode.UNKNOWN_FILTER, "no filter named '" + name + "'; known: "
          + services.catalog().names(), null);
      if (filter == null) {
        selectFilter("none", new JsonObject());
      }
      return;
    }
    try {
      filter = SelectedFilter.of(spec, given, background.jpeg(), background.key());
    } catch (BadParamsException e) {
      errors.reject(ErrorCode.BAD_PARAMS, e.getMessage(), null);
      return;
    }
    errors.good();
    client.text(WireFormat.filter(spec.name(), filter.params()));
  }

  @Override
  public void frame(long frameId, Buffer jpeg, boolean json, long capturedAtMs) {
    frames.accept(frameId, jpeg, json, capturedAtMs, filter);
  }

  @Override
  public void record(boolean on) {
    if (on) {
      services.recordings().start(id, ownerId, message -> client.text(message.encode()));
    } else {
      services.recordings().stop(id);
    }
  }

  @Override
  public void background(Buffer image) {
    background.change(image, kept -> {
      errors.good();
      filter = filter.withBackground(kept, background.key());
      client.text(WireFormat.background(kept));
    }, (code, message) -> errors.reject(code, message, null));
  }

  @Override
  public void clientStats(JsonObject stats) {
    for (String part : ClientStatsMessage.PARTS) {
      JsonObject percentiles = stats.getJsonObject(part);
      if (percentiles != null) {
        services.metrics().clientLatency(part, percentiles.getDouble("p50"), percentiles.getDouble("p95"));
      }
    }
  }

  @Override
  public void unusableFrame(long frameId, ErrorCode code, String message) {
    frames.refuse(frameId, filter.name(), code, message);
  }

  @Override
  public void badMessage(ErrorCode code, String message, boolean flood) {
    errors.reject(code, message, null);
    if (flood) {
      errors.flood();
    }
  }

  private void onClose() {
    client.markClosed();
    frames.close();
    background.close();
    if (owner != null) {
      owner.close();
    }
    services.vertx().cancelTimer(pingTimer);
    services.metrics().sessionClosed();
    log("stream {} closed ({}): {}", id, socket.closeStatusCode(), frames.counts(filter.name()).encode());
    onClosed.run();
  }

  private void log(String format, Object... args) {
    if (services.quiet()) {
      LOG.debug(format, args);
    } else {
      LOG.info(format, args);
    }
  }
}
