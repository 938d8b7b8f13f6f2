package dev.livelens.library;

import dev.livelens.web.Failures;
import dev.livelens.web.ApiErrors;
import dev.livelens.web.Problem;
import dev.livelens.web.JsonBody;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;

/** The library's JSON API and its media files, under {@code /api/videos}. */
public final class VideoRoutes {

  static final int MAX_TITLE = 200;
  private static final int MAX_PAGE = 100;
  /**
   * The only files of a video that are served: the packaged ones, never the original or a half-made file.
   * Matched exactly under {@code /api/videos}, so every other path under a video (its analytics, its cuts)
   * goes on to another route.
   */
  private static final String MEDIA_PATH =
      "/[A-Za-z0-9_-]{16}/(video\\.mp4|poster\\.jpg|hls/(index\\.m3u8|init\\.mp4|seg-\\d{4,6}\\.m4s))";

  private final Library library;
  private final VideoMakers makers;

  private VideoRoutes(Library library, VideoMakers makers) {
    this.library = library;
    this.makers = makers;
  }

  /** @param makers what deleting a video stops first (a job making it takes the video away itself) */
  static void mount(Router router, Library library, VideoMakers makers) {
    VideoRoutes routes = new VideoRoutes(library, makers);
    router.get("/api/videos").handler(routes::list);
    router.get("/api/videos/:id").handler(routes::get);
    router.patch("/api/videos/:id").handler(new JsonBody(16 * 1024)).handler(routes::rename);
    router.delete("/api/videos/:id").handler(routes::delete);
  }

  /**
   * The media files, on a router mounted at {@code /api/videos}: served with byte ranges by vertx-web's own
   * handler from the media root; only the packaged files' names pass, so nothing else under the data
   * directory can be reached.
   */
  static void mountMedia(Router media, LocalMediaStore store) {
    media.getWithRegex(MEDIA_PATH).handler(VideoRoutes::emptySuffixRange).handler(StaticHandler.create(FileSystemAccess.ROOT,
        store.root().toAbsolutePath().toString()).setCachingEnabled(false).setEnableRangeSupport(true));
  }

  /**
   * {@code bytes=-0} asks for the last zero bytes: unsatisfiable (RFC 9110, 14.1.1), where vertx-web would
   * ignore it and send the whole file.
   */
  private static void emptySuffixRange(RoutingContext ctx) {
    String range = ctx.request().getHeader("Range");
    if (range != null && range.strip().matches("bytes=\\s*-0+")) {
      Failures.answer(ctx, Failures.UNSATISFIABLE_RANGE);
      return;
    }
    ctx.next();
  }

  private void list(RoutingContext ctx) {
    String parent = ctx.request().getParam("parent");
    if (parent != null) {
      children(ctx, parent);
      return;
    }
    String query = ctx.request().getParam("q");
    int offset = intParam(ctx, "offset", 0, Integer.MAX_VALUE);
    int limit = intParam(ctx, "limit", 24, MAX_PAGE);
    if (offset < 0 || limit < 0) {
      ApiErrors.send(ctx, 400, "bad_request", "offset and limit must be whole numbers (limit at most " + MAX_PAGE + ")");
      return;
    }
    library.videos().list(query == null || query.isBlank() ? null : query.strip(), offset, limit)
        .onSuccess(page -> {
          JsonArray videos = new JsonArray();
          page.videos().forEach(video -> videos.add(video.toJson()));
          ApiErrors.json(ctx, 200, new JsonObject().put("videos", videos).put("total", page.total()));
        })
        .onFailure(ctx::fail);
  }

  /** ?parent=<id>: the videos made from one video (its cuts, its processed versions). */
  private void children(RoutingContext ctx, String parent) {
    (VideoIds.isValid(parent) ? library.videos().children(parent) : Future.succeededFuture(List.<Video>of()))
        .onSuccess(found -> {
          JsonArray videos = new JsonArray();
          found.forEach(video -> videos.add(video.toJson()));
          ApiErrors.json(ctx, 200, new JsonObject().put("videos", videos).put("total", found.size()));
        }).onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!VideoIds.isValid(id)) {
      notFound(ctx, id);
      return;
    }
    library.videos().find(id).onSuccess(found -> found.ifPresentOrElse(
        video -> ApiErrors.json(ctx, 200, video.toJson()), () -> notFound(ctx, id))).onFailure(ctx::fail);
  }

  private void rename(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String title;
    try {
      title = TitleCheck.title(ctx.body().asJsonObject());
    } catch (DecodeException | ClassCastException | IllegalArgumentException e) {
      ApiErrors.send(ctx, 400, "bad_title", e instanceof IllegalArgumentException ? e.getMessage()
          : "send {\"title\":\"...\"} as JSON");
      return;
    }
    Future<Boolean> renamed = VideoIds.isValid(id) ? library.videos().rename(id, title) : Future.succeededFuture(false);
    renamed.onSuccess(existed -> {
      if (existed) {
        get(ctx);
      } else {
        notFound(ctx, id);
      }
    }).onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Future<Boolean> deleted = !VideoIds.isValid(id) ? Future.succeededFuture(false)
        : makers.stopMaking(id).compose(stopped -> stopped ? Future.succeededFuture(true) : library.delete(id));
    deleted.onSuccess(existed -> {
      if (existed) {
        ctx.response().setStatusCode(204).end();
      } else {
        notFound(ctx, id);
      }
    }).onFailure(ctx::fail);
  }

  private static void notFound(RoutingContext ctx, String id) {
    ApiErrors.send(ctx, 404, "not_found", "there is no video with the id '" + id + "'");
  }

  private static int intParam(RoutingContext ctx, String name, int fallback, int max) {
    String text = ctx.request().getParam(name);
    try {
      int value = text == null ? fallback : Integer.parseInt(text);
      return value > max ? -1 : value;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
