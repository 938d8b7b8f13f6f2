package dev.livelens.social;

import dev.livelens.web.ApiErrors;
import dev.livelens.web.Failures;
import dev.livelens.web.Mounts;
import dev.livelens.web.Problem;
import dev.livelens.web.QueryNumbers;
import dev.livelens.web.SignedInUsers;
import dev.livelens.web.User;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * People and the feed: {@code /api/users/<name>} (a profile), following, {@code /api/feed}, and the pages
 * {@code /feed} and {@code /u/<name>}.
 */
final class PeopleRoutes {

  static final int MAX_PAGE = 50;
  private static final String VIEWER = "[A-Za-z0-9_-]{8,64}";

  private final SignedInUsers users;
  private final Profiles profiles;
  private final Follows follows;
  private final Feed feed;
  private final ShownVideos shown;

  PeopleRoutes(SignedInUsers users, Profiles profiles, Follows follows, Feed feed, ShownVideos shown) {
    this.users = users;
    this.profiles = profiles;
    this.follows = follows;
    this.feed = feed;
    this.shown = shown;
  }

  /** @param budgets how fast one address may change things (node-wide) */
  void mount(Router router, ChangeBudgets budgets) {
    router.get("/api/feed").handler(this::feed);
    router.get("/api/users/:name").handler(this::profile);
    router.post("/api/users/:name/follow").handler(budgets).handler(ctx -> follow(ctx, true));
    router.delete("/api/users/:name/follow").handler(budgets).handler(ctx -> follow(ctx, false));
    router.get("/feed").handler(Mounts.page("/feed.html"));
    router.get("/u/:name").handler(Mounts.page("/profile.html"));
  }

  /** ?tab=for-you|following&offset&limit&viewer=<the browser's watch id, for what it watched to the end>. */
  private void feed(RoutingContext ctx) {
    String tab = ctx.request().getParam("tab", "for-you");
    String viewer = ctx.request().getParam("viewer");
    int offset = QueryNumbers.of(ctx, "offset", 0, 10_000);
    int limit = QueryNumbers.of(ctx, "limit", 10, MAX_PAGE);
    if (offset < 0 || limit < 1 || viewer != null && !viewer.matches(VIEWER)) {
      Failures.answer(ctx, Problem.badRequest("bad_request", "offset 0-10000, limit 1-" + MAX_PAGE
          + ", viewer 8-64 URL-safe characters"));
      return;
    }
    Optional<User> caller = users.of(ctx.request());
    Future<JsonArray> page = switch (tab) {
      case "for-you" -> feed.forYou(caller, viewer, offset, limit);
      case "following" -> feed.following(caller, offset, limit);
      default -> Future.failedFuture(Problem.badRequest("bad_request", "tab is for-you or following"));
    };
    page.onSuccess(videos -> ApiErrors.json(ctx, 200, new JsonObject().put("tab", tab).put("videos", videos)
            .put("next", videos.size() < limit ? null : offset + limit)))
        .onFailure(error -> Failures.answer(ctx, error));
  }

  private void profile(RoutingContext ctx) {
    Optional<User> caller = users.of(ctx.request());
    int offset = QueryNumbers.of(ctx, "offset", 0, 100_000);
    int limit = QueryNumbers.of(ctx, "limit", 24, MAX_PAGE);
    if (offset < 0 || limit < 1) {
      Failures.answer(ctx, Problem.badRequest("bad_request", "offset and limit are whole numbers, limit 1-" + MAX_PAGE));
      return;
    }
    person(ctx).compose(person -> {
      Future<JsonArray> videos = profiles.publicVideos(person.id(), offset, limit)
          .compose(ids -> shown.of(ids, caller, ShownVideos.PUBLIC_READY));
      Future<long[]> counts = profiles.counts(person.id());
      Future<Follows.Counts> people = follows.counts(person.id());
      Future<Boolean> following = caller.map(user -> follows.follows(user.id(), person.id()))
          .orElse(Future.succeededFuture(false));
      return Future.all(videos, counts, people, following).map(done -> new JsonObject().put("id", person.id())
          .put("name", person.name()).put("videos", videos.result())
          .put("counts", new JsonObject().put("videos", counts.result()[0]).put("likes", counts.result()[1])
              .put("followers", people.result().followers()).put("following", people.result().following()))
          .put("followed", following.result()).put("you", caller.map(u -> u.id() == person.id()).orElse(false)));
    }).onSuccess(json -> ApiErrors.json(ctx, 200, json)).onFailure(error -> Failures.answer(ctx, error));
  }

  /** Idempotent; a guest may follow too. Nobody follows themselves. */
  private void follow(RoutingContext ctx, boolean on) {
    person(ctx).compose(person -> (on ? users.orGuest(ctx) : Future.succeededFuture(users.of(ctx.request()).orElse(null)))
        .compose(user -> {
          if (user == null) {
            return Future.succeededFuture(person);
          }
          if (user.id() == person.id()) {
            throw Problem.badRequest("follow_yourself", "you cannot follow yourself");
          }
          return (on ? follows.follow(user.id(), person.id()) : follows.unfollow(user.id(), person.id())).map(person);
        })).compose(person -> follows.counts(person.id()))
        .onSuccess(counts -> ApiErrors.json(ctx, 200, new JsonObject().put("followed", on)
            .put("followers", counts.followers())))
        .onFailure(error -> Failures.answer(ctx, error));
  }

  private Future<Profiles.Person> person(RoutingContext ctx) {
    return profiles.byName(ctx.pathParam("name")).map(found -> found.orElseThrow(() ->
        Problem.notFound("there is nobody with that name here: check its spelling")));
  }
}
