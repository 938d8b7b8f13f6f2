package dev.livelens.library.jobs;

import dev.livelens.library.Permissions;
import dev.livelens.web.SignedInUsers;
import dev.livelens.web.User;
import java.util.Optional;
import dev.livelens.bus.Addresses;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Jobs' progress pushed to the pages as server-sent events, from the event bus: every job queued or
 * running first, then each change. A page that does not read loses progress events, never slows a job.
 */
final class JobFeed implements Handler<RoutingContext> {

  private static final long PING_MS = 15_000;

  private final Vertx vertx;
  private final JobQueue queue;
  private final SignedInUsers users;

  JobFeed(Vertx vertx, JobQueue queue, SignedInUsers users) {
    this.vertx = vertx;
    this.queue = queue;
    this.users = users;
  }

  /** Whether the caller owns the job {@code job} describes (an admin owns every one). */
  static boolean owns(JsonObject job, Optional<User> caller) {
    return Permissions.owns(job.getLong("owner"), caller);
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerResponse response = ctx.response().setChunked(true)
        .putHeader("Content-Type", "text/event-stream").putHeader("Cache-Control", "no-cache");
    // Changes published before the snapshot was taken arrive before it (the queue's context queues both on
    // this event loop, in order) and are older than it: only those after it are sent.
    boolean[] live = {false};
    Optional<User> caller = users.of(ctx.request());
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(Addresses.JOBS, m -> {
      if (live[0] && owns(m.body(), caller)) {
        send(response, m.body());
      }
    });
    queue.active().onSuccess(jobs -> {
      jobs.stream().filter(job -> owns(job, caller)).forEach(job -> send(response, job));
      live[0] = true;
    }).onFailure(ctx::fail);
    long ping = vertx.setPeriodic(PING_MS, tick -> {
      if (!response.writeQueueFull()) {
        response.write(": ping\n\n");
      }
    });
    response.closeHandler(closed -> {
      consumer.unregister();
      vertx.cancelTimer(ping);
    });
  }

  private static void send(HttpServerResponse response, JsonObject job) {
    if (!response.closed() && !response.writeQueueFull()) {
      response.write("data: " + job.encode() + "\n\n");
    }
  }
}
