package dev.livelens.library.jobs;

import dev.livelens.library.Permissions;
import dev.livelens.web.SignedInUsers;
import dev.livelens.web.User;
import dev.livelens.web.Problem;
import dev.livelens.web.Failures;

import dev.livelens.filter.FilterCatalog;
import dev.livelens.filter.UploadedBackground;
import dev.livelens.web.JsonOrFormBody;
import dev.livelens.web.ApiErrors;
import dev.livelens.web.JsonBody;
import dev.livelens.library.Library;
import dev.livelens.library.Video;
import dev.livelens.library.VideoIds;
import dev.livelens.library.imports.UrlCheck;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The jobs' API: cut, process and import (each answers 202 with the new video), jobs' state, cancel. */
final class JobRoutes {

  private static final int BODY_LIMIT = 16 * 1024;

  private final Library library;
  private final JobQueue queue;
  private final FilterCatalog catalog;
  private final UrlCheck urls;
  private final WorkerExecutor pool;
  private final SignedInUsers users;
  private final JobPicture picture;

  private JobRoutes(Library library, JobQueue queue, FilterCatalog catalog, UrlCheck urls, WorkerExecutor pool,
      SignedInUsers users, JobPicture picture) {
    this.library = library;
    this.picture = picture;
    this.users = users;
    this.queue = queue;
    this.catalog = catalog;
    this.urls = urls;
    this.pool = pool;
  }

  /** The routes on the jobs' own router (deleting a video stops its job through the library's routes). */
  static void mount(Router router, Library library, JobQueue queue, FilterCatalog catalog, UrlCheck urls,
      WorkerExecutor pool, JobFeed feed, SignedInUsers users, JobPicture picture, Path uploads) {
    JobRoutes routes = new JobRoutes(library, queue, catalog, urls, pool, users, picture);
    JsonBody body = new JsonBody(BODY_LIMIT);
    router.post("/api/videos/:id/cuts").handler(body).handler(routes::cut);
    router.post("/api/videos/:id/process").handler(new JsonOrFormBody(BODY_LIMIT, picture.requestLimit(), uploads))
        .handler(routes::process);
    router.post("/api/imports").handler(body).handler(routes::importUrl);
    router.get("/api/jobs").handler(routes::list);
    router.get("/api/jobs/feed").handler(feed);
    router.get("/api/jobs/:id").handler(routes::get);
    router.delete("/api/jobs/:id").handler(routes::cancel);
  }

  /**
   * {"start","end"} in seconds, or {"fromWord","toWord"}: from the first word's start to the last word's end,
   * and the cut's transcript is those words re-timed (see {@link CutByWords}).
   */
  private void cut(RoutingContext ctx) {
    readyVideo(ctx).compose(video -> CutByWords.times(library.spokenWords(), video, JobRequests.body(ctx))
        .compose(body -> {
          JsonObject input = JobRequests.cut(body, video);
          String suffix = String.format(Locale.ROOT, " (cut %.1f–%.1f s)", input.getDouble("start"),
              input.getDouble("end"));
          return users.orGuest(ctx).compose(maker -> queue.submit(CutWork.KIND,
              JobRequests.title(video.title(), suffix), "cut", video.id(), input, maker.id()))
              .compose(made -> CutByWords.planned(library.spokenWords(), made, video, body));
        })).onSuccess(video -> accepted(ctx, video)).onFailure(error -> Failures.answer(ctx, error));
  }

  /** {"filter","params"}; in a multipart request, with a background picture for replace-background. */
  private void process(RoutingContext ctx) {
    readyVideo(ctx).compose(video -> {
      JsonObject input = JobRequests.process(JobRequests.body(ctx), video, catalog);
      String suffix = " (" + input.getString("filter") + ")";
      if (picture.sent(ctx) && !UploadedBackground.shown(input.getString("filter"), input.getJsonObject("params"))) {
        throw new Problem(422, "picture_unused", "a background picture is shown only by replace-background with "
            + "its image on; choose that filter or send no picture");
      }
      return picture.read(ctx).compose(jpeg -> {
        JsonObject withPicture = jpeg == null ? input : input.copy().put(JobPicture.FIELD, true);
        return users.orGuest(ctx).compose(maker -> queue.submit(ProcessWork.KIND,
            JobRequests.title(video.title(), suffix), "processed", video.id(), withPicture, maker.id(),
            made -> jpeg == null ? Future.succeededFuture() : picture.keep(made, jpeg)));
      });
    }).onSuccess(video -> accepted(ctx, video)).onFailure(error -> Failures.answer(ctx, error));
  }

  private void importUrl(RoutingContext ctx) {
    Future.succeededFuture(ctx).map(c -> JobRequests.body(c).getValue("url"))
        .compose(url -> pool.executeBlocking(() -> check(url), false))
        .compose(uri -> users.orGuest(ctx).compose(maker -> queue.submit(ImportWork.KIND,
            JobRequests.title(name(uri), ""), "url", null, new JsonObject().put("url", uri.toString()), maker.id())))
        .onSuccess(video -> accepted(ctx, video)).onFailure(error -> Failures.answer(ctx, error));
  }

  private URI check(Object url) throws InterruptedException {
    try {
      return urls.check(url instanceof String s ? s : null);
    } catch (UrlCheck.BadUrl e) {
      throw new Problem("bad_url".equals(e.code()) ? 400 : 422, e.code(), e.getMessage());
    }
  }

  /** The caller's own jobs (every job for an admin). */
  private void list(RoutingContext ctx) {
    Optional<User> caller = users.of(ctx.request());
    queue.active().onSuccess(jobs -> ApiErrors.json(ctx, 200, new JsonObject().put("jobs",
            new JsonArray(jobs.stream().filter(job -> JobFeed.owns(job, caller)).toList()))))
        .onFailure(ctx::fail);
  }

  /** A job the caller owns; anyone else's is answered as if it did not exist. */
  private Future<Optional<JsonObject>> own(RoutingContext ctx, String id) {
    Optional<User> caller = users.of(ctx.request());
    return (VideoIds.isValid(id) ? queue.describe(id) : Future.succeededFuture(Optional.<JsonObject>empty()))
        .map(job -> job.filter(json -> JobFeed.owns(json, caller)));
  }

  private void get(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    own(ctx, id).onSuccess(job -> job.ifPresentOrElse(json -> ApiErrors.json(ctx, 200, json), () -> noJob(ctx, id)))
        .onFailure(ctx::fail);
  }

  private void cancel(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    own(ctx, id).compose(mine -> mine.isEmpty() ? Future.succeededFuture(new JsonObject()) : queue.cancel(id).compose(cancelled -> cancelled ? Future.succeededFuture((JsonObject) null)
        : queue.describe(id).map(job -> job.orElse(new JsonObject())))).onSuccess(finished -> {
          if (finished == null) {
            ctx.response().setStatusCode(204).end();
          } else if (finished.isEmpty()) {
            noJob(ctx, id);
          } else {
            ApiErrors.send(ctx, 409, "finished", "the job has already " + finished.getString("state"));
          }
        }).onFailure(ctx::fail);
  }

  /**
   * The video named in the path, ready, that the caller may make a version of (theirs, or a remix of one
   * anyone with the link may watch); 404 or 409 otherwise.
   */
  private Future<Video> readyVideo(RoutingContext ctx) {
    return Permissions.watchable(library.videos(), ctx.pathParam("id"), users.of(ctx.request()))
        .map(JobRequests::ready);
  }

  private static void accepted(RoutingContext ctx, Video video) {
    ApiErrors.json(ctx, 202, new JsonObject().put("id", video.id()).put("status", video.status())
        .put("title", video.title()).put("job", "/api/jobs/" + video.id()));
  }

  private static void noJob(RoutingContext ctx, String id) {
    ApiErrors.send(ctx, 404, "not_found", "there is no job making a video with the id '" + id + "'");
  }

  /** A title for an imported video: the file's name in the URL, else the host. */
  private static String name(URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    String last = path.substring(path.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
    return last.isBlank() ? uri.getHost() : last;
  }
}
