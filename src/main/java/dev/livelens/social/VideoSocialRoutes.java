package dev.livelens.social;

import dev.livelens.library.Permissions;
import dev.livelens.library.Video;
import dev.livelens.library.VideoIds;
import dev.livelens.library.Videos;
import dev.livelens.web.ApiErrors;
import dev.livelens.web.Failures;
import dev.livelens.web.JsonBody;
import dev.livelens.web.Problem;
import dev.livelens.web.SignedInUsers;
import dev.livelens.web.User;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * A video's likes, replies and engagement score, under {@code /api/videos/<id>/…}. Who may do what is the
 * library's {@link Permissions}: liking and replying need a video the caller may watch, linking a reply
 * needs the reply's owner, the score needs the video's owner.
 */
final class VideoSocialRoutes {

  static final int MAX_REPLIES = 100;
  /** How far up a thread a new link looks for itself (a reply may not answer its own answers). */
  private static final int MAX_DEPTH = 64;

  private final Videos videos;
  private final SignedInUsers users;
  private final Likes likes;
  private final Replies replies;
  private final ShownVideos shown;
  private final Engagement engagement;

  VideoSocialRoutes(Videos videos, SignedInUsers users, Likes likes, Replies replies, ShownVideos shown,
      Engagement engagement) {
    this.videos = videos;
    this.users = users;
    this.likes = likes;
    this.replies = replies;
    this.shown = shown;
    this.engagement = engagement;
  }

  /** @param budgets how fast one address may change things (node-wide) */
  void mount(Router router, ChangeBudgets budgets) {
    router.post("/api/videos/:id/like").handler(budgets).handler(ctx -> like(ctx, true));
    router.delete("/api/videos/:id/like").handler(budgets).handler(ctx -> like(ctx, false));
    router.put("/api/videos/:id/reply-to").handler(budgets).handler(new JsonBody(1024)).handler(this::link);
    router.delete("/api/videos/:id/reply-to").handler(budgets).handler(this::unlink);
    router.get("/api/videos/:id/replies").handler(this::list);
    router.get("/api/videos/:id/engagement").handler(this::score);
  }

  /** Idempotent: liking twice is one like, unliking what is not liked changes nothing. A guest may like. */
  private void like(RoutingContext ctx, boolean liked) {
    String id = ctx.pathParam("id");
    Permissions.watchable(videos, id, users.of(ctx.request()))
        .compose(video -> liked ? users.orGuest(ctx) : Future.succeededFuture(users.of(ctx.request()).orElse(null)))
        .compose(user -> user == null ? Future.succeededFuture()
            : liked ? likes.like(id, user.id()) : likes.unlike(id, user.id()))
        .compose(done -> likes.countNow(id))
        .onSuccess(count -> ApiErrors.json(ctx, 200, new JsonObject().put("likes", count).put("liked", liked)))
        .onFailure(error -> Failures.answer(ctx, error));
  }

  /** {"parent": id}: makes this video (the caller's own) a reply to a video the caller may watch. */
  private void link(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Optional<User> caller = users.of(ctx.request());
    Object parent = JsonBody.object(ctx).getValue("parent");
    Permissions.changeable(videos, id, caller).compose(video -> {
      if (!(parent instanceof String parentId) || !VideoIds.isValid(parentId)) {
        throw Problem.badRequest("bad_request", "send {\"parent\": \"<the id of the video this one answers>\"}");
      }
      if (parentId.equals(id)) {
        throw Problem.badRequest("reply_to_itself", "a video cannot answer itself: pick another video");
      }
      return Permissions.watchable(videos, parentId, caller).compose(found -> answersItself(parentId, id, 0))
          .compose(loop -> {
            if (loop) {
              throw Problem.badRequest("reply_loop", "that video already answers this one: pick another video");
            }
            return replies.link(id, parentId);
          });
    }).compose(done -> shown.of(List.of(id), caller, (v, c) -> true))
        .onSuccess(page -> ApiErrors.json(ctx, 200, page.getJsonObject(0)))
        .onFailure(error -> Failures.answer(ctx, error));
  }

  /** Whether {@code from} is {@code target} or a reply, at any depth, to it. */
  private Future<Boolean> answersItself(String from, String target, int depth) {
    if (from.equals(target)) {
      return Future.succeededFuture(true);
    }
    if (depth >= MAX_DEPTH) {
      return Future.succeededFuture(false);
    }
    return replies.parents(List.of(from)).compose(parents -> parents.containsKey(from)
        ? answersItself(parents.get(from), target, depth + 1) : Future.succeededFuture(false));
  }

  private void unlink(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Permissions.changeable(videos, id, users.of(ctx.request())).compose(video -> replies.unlink(id))
        .onSuccess(done -> ctx.response().setStatusCode(204).end())
        .onFailure(error -> Failures.answer(ctx, error));
  }

  /** ?order=newest|likes: the replies the caller may list (public ones, and their own), 100 at most. */
  private void list(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Optional<User> caller = users.of(ctx.request());
    String order = ctx.request().getParam("order", "newest");
    if (!List.of("newest", "likes").contains(order)) {
      Failures.answer(ctx, Problem.badRequest("bad_request", "order is newest or likes"));
      return;
    }
    Permissions.watchable(videos, id, caller)
        .compose(video -> replies.of(id, caller.map(User::id).orElse(null),
            "likes".equals(order) ? Replies.Order.LIKES : Replies.Order.NEWEST, MAX_REPLIES))
        .compose(ids -> shown.of(ids, caller, Permissions::canList))
        .onSuccess(page -> ApiErrors.json(ctx, 200, new JsonObject().put("videos", page).put("order", order)))
        .onFailure(error -> Failures.answer(ctx, error));
  }

  private void score(RoutingContext ctx) {
    Permissions.changeable(videos, ctx.pathParam("id"), users.of(ctx.request()))
        .compose((Video video) -> engagement.of(video))
        .onSuccess(score -> ApiErrors.json(ctx, 200, score))
        .onFailure(error -> Failures.answer(ctx, error));
  }
}
