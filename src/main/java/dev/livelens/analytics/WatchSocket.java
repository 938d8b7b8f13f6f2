package dev.livelens.analytics;

import dev.livelens.bus.Addresses;
import dev.livelens.library.Permissions;
import dev.livelens.library.Video;
import dev.livelens.library.VideoIds;
import dev.livelens.library.Videos;
import dev.livelens.web.SocketMessages;
import dev.livelens.web.User;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One player's socket on {@code /ws/watch}: it starts (or resumes) a view the server issues, then sends
 * batches of events. Each event is checked and stored once per (view, seq), so a batch sent again after a
 * reconnect counts nothing twice; a bad event gets an error naming its seq and is not stored. Batches are
 * handled one after another, in order. Runs on the socket's event loop; the database work does not.
 */
final class WatchSocket {

  private static final Logger LOG = LoggerFactory.getLogger(WatchSocket.class);
  static final int MAX_BATCH = 500;
  /** A batch of {@link #MAX_BATCH} events of the page's shape is about 60 KB; nothing larger is read. */
  static final int MAX_MESSAGE_BYTES = 128 * 1024;

  private final Vertx vertx;
  private final ServerWebSocket socket;
  private final Videos videos;
  private final WatchStore store;
  private final AnalyticsWriter writer;
  private final AnalyticsMetrics metrics;
  private final EventBudget budget;
  private final ViewBudgets views;
  private final String address;
  /** Who opened the socket (an account or a guest identity), from its cookie; empty for a visitor. */
  private final Optional<User> caller;
  private int viewsOpened;
  private WatchStore.View view;
  private EventCheck check;
  private Future<?> tail = Future.succeededFuture();

  WatchSocket(Vertx vertx, ServerWebSocket socket, Videos videos, WatchStore store, AnalyticsWriter writer,
      AnalyticsMetrics metrics, int eventsPerSecond, ViewBudgets views, Optional<User> caller) {
    this.caller = caller;
    this.vertx = vertx;
    this.socket = socket;
    this.videos = videos;
    this.store = store;
    this.writer = writer;
    this.metrics = metrics;
    this.budget = new EventBudget(eventsPerSecond);
    this.views = views;
    this.address = socket.remoteAddress() == null ? "" : socket.remoteAddress().hostAddress();
  }

  void start(SocketMessages messages) {
    messages.text(text -> tail = tail.eventually(() -> handle(text)))
        .binary(data -> error("bad_message", "this socket takes JSON text messages", null))
        .refused(why -> error(why == SocketMessages.Refusal.TOO_LARGE ? "too_large" : "busy",
            why == SocketMessages.Refusal.TOO_LARGE ? "messages are at most " + MAX_MESSAGE_BYTES + " bytes; send "
                + "smaller batches" : "the server is busy; send that batch again", null));
  }

  private Future<?> handle(String text) {
    JsonObject message;
    try {
      message = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      return error("bad_message", "not a JSON object", null);
    }
    return switch (String.valueOf(message.getValue("type"))) {
      case "start" -> startView(message);
      case "events" -> events(message.getValue("events"));
      default -> error("bad_message", "unknown message type; send start, then events", null);
    };
  }

  private Future<?> startView(JsonObject message) {
    String videoId = message.getValue("video") instanceof String s ? s : null;
    String viewer = message.getValue("viewer") instanceof String s && s.matches("[A-Za-z0-9_-]{8,64}") ? s : null;
    if (!VideoIds.isValid(videoId) || viewer == null) {
      return error("bad_message", "start needs a video id and a viewer id (8-64 URL-safe characters)", null);
    }
    String resume = message.getValue("view") instanceof String s ? s : null;
    String secret = message.getValue("secret") instanceof String s ? s : null;
    return videos.find(videoId).<Void>compose(found -> {
      // A private video is reported on only by those who may watch it: to anyone else it does not exist.
      if (found.isEmpty() || found.get().durationMs() == null || !Permissions.canWatch(found.get(), caller)) {
        return error("unknown_video", "there is no playable video " + videoId, null);
      }
      return open(found.get(), viewer, resume, secret);
    });
  }

  /**
   * Resumes the view the page had if the server issued it for this video, this viewer and this secret;
   * else issues a new one, within the connection's and the address's budgets of new views.
   */
  private Future<Void> open(Video video, String viewer, String resume, String secret) {
    String videoId = video.id();
    double duration = video.durationMs() / 1000.0;
    Future<WatchStore.View> opened = resume == null ? Future.succeededFuture(null) : store.findView(resume)
        .map(v -> v.filter(existing -> existing.videoId().equals(videoId) && existing.viewer().equals(viewer)
            && ViewSecrets.matches(secret, existing.secretHash())).orElse(null));
    return opened.<Void>compose(existing -> {
      if (existing != null) {
        opened(existing, duration, null);
        return Future.succeededFuture();
      }
      if (viewsOpened >= ViewBudgets.PER_CONNECTION || !views.tryTake(address, System.currentTimeMillis())) {
        metrics.rejected("too_many_views", 1);
        return error("too_many_views", "this connection or address opened too many views; wait a little and "
            + "reload the page", null);
      }
      viewsOpened++;
      String newSecret = ViewSecrets.next();
      WatchStore.View fresh = new WatchStore.View(VideoIds.next() + VideoIds.next(), videoId, viewer,
          System.currentTimeMillis(), 0, ViewSecrets.hash(newSecret), -1, -1);
      boolean own = caller.isPresent() && video.ownerId() != null && video.ownerId() == caller.get().id();
      return store.createView(fresh, caller.map(User::id).orElse(null), own)
          .onSuccess(done -> opened(fresh, duration, newSecret));
    });
  }

  /** The view this socket's events go to now; a new one's secret is told to the page (only then). */
  private void opened(WatchStore.View started, double duration, String newSecret) {
    view = started;
    check = new EventCheck(duration, started.lastEventAt(), started.startedAt(), started.watchedMs());
    JsonObject answer = new JsonObject().put("type", "view").put("view", started.id())
        .put("video", started.videoId()).put("resumed", newSecret == null);
    if (newSecret != null) {
      answer.put("secret", newSecret);
    }
    send(answer);
  }

  private Future<?> events(Object value) {
    if (view == null) {
      return error("no_view", "send start first: events belong to a view the server issued", null);
    }
    if (!(value instanceof JsonArray batch) || batch.isEmpty() || batch.size() > MAX_BATCH) {
      return error("bad_message", "events is an array of 1 to " + MAX_BATCH + " events", null);
    }
    if (!budget.tryTake(batch.size(), System.nanoTime())) {
      metrics.rejected("rate_limited", batch.size());
      return error("rate_limited", "more events than this connection may send per second; slow down", null);
    }
    List<WatchEvent> good = new ArrayList<>();
    long through = -1;
    long now = System.currentTimeMillis();
    for (Object item : batch) {
      try {
        WatchEvent event = WatchEvent.parse(item);
        through = Math.max(through, event.seq());
        String problem = check.problem(event, now);
        if (problem == null) {
          good.add(event);
        } else {
          metrics.rejected("implausible", 1);
          error("bad_event", problem, event.seq());
        }
      } catch (WatchEvent.Invalid e) {
        metrics.rejected("malformed", 1);
        through = Math.max(through, e.seq);
        error("bad_event", e.getMessage(), e.seq < 0 ? null : e.seq);
      }
    }
    long acknowledged = through;
    String videoId = view.videoId();
    return writer.write(view, good).onSuccess(fresh -> {
      good.forEach(metrics::stored);
      if (fresh > 0) {
        vertx.eventBus().publish(Addresses.analytics(videoId), videoId);
      }
      send(new JsonObject().put("type", "ack").put("through", acknowledged));
    }).onFailure(failure -> {
      LOG.warn("view {}: a batch of {} events could not be stored: {}", view.id(), good.size(), failure.toString());
      error("internal", "the events could not be stored; send them again", null);
    });
  }

  private Future<Void> error(String code, String message, Long seq) {
    JsonObject json = new JsonObject().put("type", "error").put("code", code).put("message", message);
    if (seq != null) {
      json.put("seq", seq);
    }
    send(json);
    return Future.succeededFuture();
  }

  private void send(JsonObject message) {
    if (!socket.isClosed() && !socket.writeQueueFull()) {
      socket.writeTextMessage(message.encode());
    }
  }
}
