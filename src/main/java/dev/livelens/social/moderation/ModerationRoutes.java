package dev.livelens.social.moderation;

import dev.livelens.library.LibraryFeature;
import dev.livelens.library.Permissions;
import dev.livelens.library.Videos;
import dev.livelens.social.comments.Comment;
import dev.livelens.social.comments.Comments;
import dev.livelens.social.comments.RateBudgets;
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
import java.util.List;
import java.util.Optional;

/**
 * Reports and the admins' queue: anyone who may see a video or a comment reports it once, with a reason;
 * admins list the reports and hide, delete, dismiss or restore what was reported. Hiding a comment removes it
 * for everyone but admins (live, on every page); hiding a video makes it private until restored, whatever
 * its owner does.
 */
final class ModerationRoutes {

  static final int MAX_REASON = 500;
  private static final List<String> STATES = List.of(Reports.OPEN, Reports.HIDDEN, Reports.DISMISSED,
      Reports.RESTORED);
  private final RateBudgets perAddress = new RateBudgets(10, 20, "reports from this address");
  private final Reports reports;
  private final Comments comments;
  private final LibraryFeature library;
  private final SignedInUsers users;

  ModerationRoutes(Reports reports, Comments comments, LibraryFeature library, SignedInUsers users) {
    this.reports = reports;
    this.comments = comments;
    this.library = library;
    this.users = users;
  }

  void mount(Router router) {
    JsonBody body = new JsonBody(16 * 1024);
    router.post("/api/reports").handler(body).handler(this::report);
    router.get("/api/reports").handler(this::queue);
    router.post("/api/reports/:id").handler(body).handler(this::decide);
  }

  private Videos videos() {
    return library.library().videos();
  }

  /** {"video":"<id>"} or {"comment":"<id>"}, and a "reason". */
  private void report(RoutingContext ctx) {
    Optional<User> caller = users.of(ctx.request());
    Future.succeededFuture(JsonBody.object(ctx)).compose(body -> {
      String reason = reason(body);
      Object video = body.getValue("video");
      Object comment = body.getValue("comment");
      if ((video == null) == (comment == null)) {
        throw Problem.badRequest("bad_report", "send {\"video\":\"<id>\"} or {\"comment\":\"<id>\"} with a reason");
      }
      Future<String[]> target = comment == null
          ? Permissions.watchable(videos(), String.valueOf(video), caller).map(v -> new String[] {v.id(), null})
          : visibleComment(String.valueOf(comment), caller).map(c -> new String[] {c.videoId(), c.id()});
      return target.compose(thing -> {
        perAddress.take(ctx.request().remoteAddress().hostAddress(), System.currentTimeMillis());
        return users.orGuest(ctx).compose(reporter -> reports.add(thing[0], thing[1], reporter.id(), reason));
      });
    }).onSuccess(made -> ApiErrors.json(ctx, made.isNew() ? 201 : 200, new JsonObject().put("id", made.id())
        .put("new", made.isNew()))).onFailure(error -> Failures.answer(ctx, error));
  }

  private Future<Comment> visibleComment(String id, Optional<User> caller) {
    Problem missing = Problem.notFound("there is no comment '" + id + "'");
    return comments.find(id).compose(found -> {
      if (found.isEmpty() || found.get().hidden() && !(caller.isPresent() && caller.get().admin())) {
        return Future.failedFuture(missing);
      }
      return Permissions.watchable(videos(), found.get().videoId(), caller).map(video -> found.get())
          .recover(notWatchable -> Future.failedFuture(missing));
    });
  }

  /** ?state=open (the default), hidden, dismissed or restored: the newest 200. Admins only. */
  private void queue(RoutingContext ctx) {
    Future.succeededFuture(ctx).map(this::admin).compose(admin -> {
      String state = ctx.request().getParam("state", Reports.OPEN);
      if (!STATES.contains(state)) {
        throw Problem.badRequest("bad_request", "state is one of " + String.join(", ", STATES));
      }
      return reports.inState(state);
    }).onSuccess(list -> ApiErrors.json(ctx, 200, new JsonObject().put("reports",
        new JsonArray(list.stream().map(Report::toJson).toList())))).onFailure(error -> Failures.answer(ctx, error));
  }

  /** {"action":"hide"|"delete"|"dismiss"|"restore"}: done to the reported thing; all its reports follow. */
  private void decide(RoutingContext ctx) {
    Future.succeededFuture(ctx).map(this::admin).compose(admin -> {
      JsonObject body = JsonBody.object(ctx);
      String action = body == null ? null : body.getString("action");
      return reports.find(ctx.pathParam("id")).compose(found -> {
        Report report = found.orElseThrow(() -> Problem.notFound("there is no report '" + ctx.pathParam("id") + "'"));
        return new Decision(report, admin.id(), reports, comments, library).take(action);
      }).map(done -> new JsonObject().put("action", action).put("state", done));
    }).onSuccess(json -> ApiErrors.json(ctx, 200, json)).onFailure(error -> Failures.answer(ctx, error));
  }

  private User admin(RoutingContext ctx) {
    User user = users.of(ctx.request()).orElseThrow(() -> new Problem(401, "not_signed_in",
        "sign in at /account with an admin's account to see reports"));
    if (!user.admin()) {
      throw new Problem(403, "forbidden", "only admins (named by --admins) see and decide reports");
    }
    return user;
  }

  private static String reason(JsonObject body) {
    if (body == null || !(body.getValue("reason") instanceof String raw) || raw.isBlank()) {
      throw Problem.badRequest("bad_report", "say why you report it: {\"reason\":\"...\"}");
    }
    String reason = raw.strip();
    if (reason.length() > MAX_REASON) {
      throw Problem.badRequest("too_long", "a reason may have at most " + MAX_REASON + " characters");
    }
    if (reason.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
      throw Problem.badRequest("bad_report", "a reason cannot hold control characters");
    }
    return reason;
  }
}
