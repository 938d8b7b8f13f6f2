package dev.livelens.social.comments;

import dev.livelens.library.Permissions;
import dev.livelens.library.Videos;
import dev.livelens.web.ApiErrors;
import dev.livelens.web.Failures;
import dev.livelens.web.JsonBody;
import dev.livelens.web.Problem;
import dev.livelens.web.SignedInUsers;
import dev.livelens.web.User;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The comments API under {@code /api/videos/<id>/comments}: only whoever may watch the video reads or
 * writes its comments (anyone else gets 404, as for the video); authors edit and delete their own, the
 * video's owner and admins delete any. Writing is limited per person and per address.
 */
final class CommentRoutes {

  static final int BODY_LIMIT = 16 * 1024;
  static final int PAGE = 50;
  static final int MAX_PAGE = 100;
  /** A person (account or guest): 5 at once, then 10 a minute. */
  private final RateBudgets perPerson = new RateBudgets(5, 10, "comments from you");
  /** An address (a household, an office behind one address): 20 at once, then 30 a minute. */
  private final RateBudgets perAddress = new RateBudgets(20, 30, "comments from this address");
  private final Comments comments;
  private final Videos videos;
  private final SignedInUsers users;

  CommentRoutes(Comments comments, Videos videos, SignedInUsers users) {
    this.comments = comments;
    this.videos = videos;
    this.users = users;
  }

  void mount(Router router) {
    JsonBody body = new JsonBody(BODY_LIMIT);
    router.get("/api/videos/:id/comments").handler(this::list);
    router.post("/api/videos/:id/comments").handler(body).handler(this::add);
    router.patch("/api/videos/:id/comments/:comment").handler(body).handler(this::edit);
    router.delete("/api/videos/:id/comments/:comment").handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    Optional<User> caller = users.of(ctx.request());
    Permissions.watchable(videos, ctx.pathParam("id"), caller).compose(video -> {
      Viewer viewer = Viewer.of(caller, video);
      CommentStore.Cursor before;
      int limit;
      try {
        before = CommentStore.Cursor.parse(ctx.request().getParam("before"));
        String asked = ctx.request().getParam("limit");
        limit = asked == null ? PAGE : Integer.parseInt(asked);
      } catch (IllegalArgumentException e) {
        throw Problem.badRequest("bad_request", "before is the 'next' of the page before, limit 1 to " + MAX_PAGE);
      }
      if (limit < 1 || limit > MAX_PAGE) {
        throw Problem.badRequest("bad_request", "limit is 1 to " + MAX_PAGE);
      }
      return comments.store().page(video.id(), viewer.admin(), before, limit).map(page -> {
        JsonArray list = new JsonArray();
        page.top().forEach(c -> list.add(c.toJson(viewer)));
        page.replies().forEach(c -> list.add(c.toJson(viewer)));
        return new JsonObject().put("comments", list).put("next", page.top().size() < limit ? null
            : CommentStore.Cursor.of(page.top().get(page.top().size() - 1)));
      });
    }).onSuccess(json -> ApiErrors.json(ctx, 200, json)).onFailure(error -> Failures.answer(ctx, error));
  }

  private void add(RoutingContext ctx) {
    Optional<User> caller = users.of(ctx.request());
    Permissions.watchable(videos, ctx.pathParam("id"), caller).compose(video -> {
      JsonObject body = requireObject(ctx);
      String text = CommentText.text(body.getValue("text"));
      Long at = CommentText.at(body.getValue("at"), video.durationMs());
      Object replyTo = body.getValue("replyTo");
      if (replyTo != null && !(replyTo instanceof String)) {
        throw Problem.badRequest("bad_comment", "replyTo is the id of the comment this one answers, or null");
      }
      limit(ctx, caller);
      return users.orGuest(ctx).compose(author -> comments.add(video, author, text, at, (String) replyTo,
          Viewer.of(Optional.of(author), video)).map(c -> c.toJson(Viewer.of(Optional.of(author), video))));
    }).onSuccess(json -> ApiErrors.json(ctx, 201, json)).onFailure(error -> Failures.answer(ctx, error));
  }

  private void edit(RoutingContext ctx) {
    Optional<User> caller = users.of(ctx.request());
    commentOf(ctx, caller).compose(found -> {
      if (!found.viewer().isAuthor(found.comment())) {
        throw Permissions.forbidden("only its author can edit a comment");
      }
      String text = CommentText.text(requireObject(ctx).getValue("text"));
      limit(ctx, caller);
      return comments.edit(found.comment(), text).map(c -> c.toJson(found.viewer()));
    }).onSuccess(json -> ApiErrors.json(ctx, 200, json)).onFailure(error -> Failures.answer(ctx, error));
  }

  private void delete(RoutingContext ctx) {
    commentOf(ctx, users.of(ctx.request())).compose(found -> {
      if (!found.viewer().mayDelete(found.comment())) {
        throw Permissions.forbidden("only its author, the video's owner or an admin can delete a comment");
      }
      return comments.delete(found.comment());
    }).onSuccess(existed -> {
      if (existed) {
        ctx.response().setStatusCode(204).end();
      } else {
        Failures.answer(ctx, Comments.gone(ctx.pathParam("comment")));
      }
    }).onFailure(error -> Failures.answer(ctx, error));
  }

  /** A comment and who looks at it. */
  private record Found(Comment comment, Viewer viewer) {
  }

  /** The comment in the path, of the video in the path, when the caller may watch it and see the comment. */
  private Future<Found> commentOf(RoutingContext ctx, Optional<User> caller) {
    String id = ctx.pathParam("comment");
    return Permissions.watchable(videos, ctx.pathParam("id"), caller).compose(video -> comments.find(id)
        .map(found -> {
          Viewer viewer = Viewer.of(caller, video);
          return new Found(found.filter(c -> c.videoId().equals(video.id()) && viewer.sees(c))
              .orElseThrow(() -> Comments.gone(id)), viewer);
        }));
  }

  private void limit(RoutingContext ctx, Optional<User> caller) {
    long now = System.currentTimeMillis();
    perAddress.take(ctx.request().remoteAddress().hostAddress(), now);
    caller.ifPresent(user -> perPerson.take(String.valueOf(user.id()), now));
  }

  private static JsonObject requireObject(RoutingContext ctx) {
    JsonObject body = JsonBody.object(ctx);
    if (body == null) {
      throw Problem.badRequest("bad_comment", "send {\"text\":\"...\"} as JSON");
    }
    return body;
  }
}
