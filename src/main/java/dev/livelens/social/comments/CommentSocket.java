package dev.livelens.social.comments;

import dev.livelens.bus.Addresses;
import dev.livelens.library.Permissions;
import dev.livelens.library.Video;
import dev.livelens.library.VideoIds;
import dev.livelens.library.Videos;
import dev.livelens.web.CloseCodes;
import dev.livelens.web.OpenSockets;
import dev.livelens.web.Problem;
import dev.livelens.web.SignedInUsers;
import dev.livelens.web.SocketMessages;
import dev.livelens.web.SocketUpgrade.Admitted;
import dev.livelens.web.User;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * {@code /ws/comments?video=<id>}: a watch page hears its video's comments as they are added, edited,
 * hidden or removed, on whichever node they were written (the event bus). Only whoever may watch the video
 * is served; the right is checked when the socket opens and again every {@link #RECHECK_MS}, so a viewer of
 * a video made private or hidden is closed (1008) within that time. The page sends nothing; a socket that
 * cannot keep up skips messages (the page reloads the list when it reconnects).
 */
final class CommentSocket {

  static final int MAX_MESSAGE_BYTES = 1024;
  static final long RECHECK_MS = 30_000;

  private final Vertx vertx;
  private final Videos videos;
  private final SignedInUsers users;
  private final OpenSockets open;

  CommentSocket(Vertx vertx, Videos videos, SignedInUsers users, OpenSockets open) {
    this.vertx = vertx;
    this.videos = videos;
    this.users = users;
    this.open = open;
  }

  Admitted admit(RoutingContext ctx) {
    String id = ctx.request().getParam("video");
    if (id == null || !VideoIds.isValid(id)) {
      throw Problem.badRequest("bad_request", "open /ws/comments?video=<id> with a video's id");
    }
    Optional<User> caller = users.of(ctx.request());
    // Who may watch is known only after the upgrade (the check reads the database): anyone else is closed at
    // once, before anything is sent.
    return Admitted.to((socket, messages) -> Permissions.watchable(videos, id, caller)
        .onSuccess(video -> serve(socket, messages, video, caller))
        .onFailure(error -> refuse(socket, error)));
  }

  private void serve(ServerWebSocket socket, SocketMessages messages, Video video, Optional<User> caller) {
    if (!open.admit(socket)) {
      return;
    }
    Viewer viewer = Viewer.of(caller, video); // a video's owner never changes; its visibility is checked below
    MessageConsumer<JsonObject> changes = vertx.eventBus().consumer(Addresses.comments(video.id()), message -> {
      if (!socket.isClosed() && !socket.writeQueueFull()) {
        socket.writeTextMessage(forViewer(message.body(), viewer).encode());
      }
    });
    long recheck = vertx.setPeriodic(RECHECK_MS, tick -> Permissions.watchable(videos, video.id(), caller)
        .onFailure(error -> refuse(socket, error)));
    socket.handler(data -> socket.close(CloseCodes.UNSUPPORTED_DATA, "this socket only sends"));
    messages.onClose(() -> {
      changes.unregister();
      vertx.cancelTimer(recheck);
      open.closed(socket);
    });
    // Told once the consumer is registered (on this node; other nodes' changes may take a moment longer).
    changes.completion().onComplete(done -> {
      if (!socket.isClosed()) {
        socket.writeTextMessage(new JsonObject().put("type", "ready").encode());
      }
    });
  }

  /** A change as this viewer may see it: a hidden comment is removed for anyone but admins. */
  static JsonObject forViewer(JsonObject change, Viewer viewer) {
    if (!"comment".equals(change.getString("type"))) {
      return change;
    }
    Comment comment = Comment.fromBus(change.getJsonObject("comment"));
    return viewer.sees(comment) ? new JsonObject().put("type", "comment").put("comment", comment.toJson(viewer))
        : new JsonObject().put("type", "removed").put("id", comment.id());
  }

  private static void refuse(ServerWebSocket socket, Throwable error) {
    if (!socket.isClosed()) {
      socket.close(CloseCodes.POLICY_VIOLATION, error instanceof Problem problem ? problem.code() : "not_found");
    }
  }
}
