package dev.livelens.library;

import dev.livelens.web.Failures;
import dev.livelens.web.ApiErrors;
import dev.livelens.web.Problem;
import dev.livelens.web.QueryNumbers;
import dev.livelens.web.JsonBody;
import dev.livelens.web.Failures;
import dev.livelens.web.SignedInUsers;
import dev.livelens.web.User;
import java.util.Optional;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
      "/[A-Za-z0-9_-]{16}/(video\\.mp4|poster\\.jpg|hls/(index\\.m3u8|master\\.m3u8|subtitles\\.m3u8|subtitles\\.vtt|init\\.mp4|"
      + "seg-\\d{4,6}\\.m4s))";

  private final Library library;
  private final VideoMakers makers;
  private final SignedInUsers users;
  private final MediaLinks links;
  private final Supplier<VideoExtras> extras;

  private VideoRoutes(Library library, VideoMakers makers, SignedInUsers users, MediaLinks links,
      Supplier<VideoExtras> extras) {
    this.library = library;
    this.extras = extras;
    this.makers = makers;
    this.users = users;
    this.links = links;
  }

  /**
   * @param makers what deleting a video stops first (a job making it takes the video away itself)
   * @param links signs the media links of the videos a caller is shown
   */
  static void mount(Router router, Library library, VideoMakers makers, SignedInUsers users, MediaLinks links,
      Supplier<VideoExtras> extras) {
    VideoRoutes routes = new VideoRoutes(library, makers, users, links, extras);
    router.get("/api/videos").handler(routes::list);
    router.get("/api/videos/:id").handler(routes::get);
    router.patch("/api/videos/:id").handler(new JsonBody(16 * 1024)).handler(routes::change);
    router.delete("/api/videos/:id").handler(routes::delete);
  }

  /**
   * The media files, on a router mounted at {@code /api/videos}: served with byte ranges by vertx-web's own
   * handler from the media root; only the packaged files' names pass, so nothing else under the data
   * directory can be reached, and only with a signed link (see {@link MediaAccess}) or of a public video.
   */
  static void mountMedia(Router media, LocalMediaStore store, Library library, MediaLinks links) {
    media.getWithRegex(MEDIA_PATH).handler(new MediaAccess(library, links)).handler(new HlsRenditions(library))
        .handler(VideoRoutes::emptySuffixRange)
        .handler(StaticHandler.create(FileSystemAccess.ROOT, store.root().toAbsolutePath().toString())
            .setCachingEnabled(false).setEnableRangeSupport(true));
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
    int offset = QueryNumbers.of(ctx, "offset", 0, Integer.MAX_VALUE);
    int limit = QueryNumbers.of(ctx, "limit", 24, MAX_PAGE);
    if (offset < 0 || limit < 0) {
      ApiErrors.send(ctx, 400, "bad_request", "offset and limit must be whole numbers (limit at most " + MAX_PAGE + ")");
      return;
    }
    Optional<User> caller = users.of(ctx.request());
    boolean mine = "1".equals(ctx.request().getParam("mine"));
    Videos.Scope scope = caller.map(user -> user.admin() && !mine ? Videos.Scope.ALL
        : new Videos.Scope(user.id(), mine, false)).orElse(mine ? new Videos.Scope(null, true, false)
        : Videos.Scope.PUBLIC);
    Videos.After after = after(ctx.request().getParam("after"));
    if (after == null && ctx.request().getParam("after") != null) {
      ApiErrors.send(ctx, 400, "bad_request", "after is the 'next' value of the page before");
      return;
    }
    library.videos().list(scope, query == null || query.isBlank() ? null : query.strip(), after, offset, limit)
        .compose(page -> shown(page.videos(), caller).map(videos -> Map.entry(page, videos)))
        .onSuccess(shown -> {
          Videos.Page page = shown.getKey();
          JsonArray videos = shown.getValue();
          JsonObject answer = new JsonObject().put("videos", videos).put("total", page.total());
          if (!page.videos().isEmpty() && page.videos().size() == limit) {
            Video last = page.videos().get(limit - 1);
            answer.put("next", last.createdAt() + "." + last.id()); // ?after= for the next page, no offset
          }
          if (!mine || caller.isEmpty()) {
            ApiErrors.json(ctx, 200, answer);
            return;
          }
          // Their own videos: with how much they store, for the account page.
          library.videos().usage(caller.get().id()).onSuccess(usage -> ApiErrors.json(ctx, 200, answer
              .put("usage", new JsonObject().put("videos", usage[0]).put("bytes", usage[1]))))
              .onFailure(ctx::fail);
        })
        .onFailure(ctx::fail);
  }

  /** The keyset position {@code <created ms>.<video id>}, or null when absent or not one. */
  private static Videos.After after(String value) {
    int dot = value == null ? -1 : value.indexOf('.');
    if (dot <= 0 || !VideoIds.isValid(value.substring(dot + 1)) || !value.substring(0, dot).matches("\\d{1,18}")) {
      return null;
    }
    return new Videos.After(Long.parseLong(value.substring(0, dot)), value.substring(dot + 1));
  }

  /** ?parent=<id>: the videos made from one video (its cuts, its processed versions). */
  private void children(RoutingContext ctx, String parent) {
    Optional<User> caller = users.of(ctx.request());
    (VideoIds.isValid(parent) ? library.videos().children(parent) : Future.succeededFuture(List.<Video>of()))
        .compose(found -> shown(found.stream().filter(video -> Permissions.canWatch(video, caller)).toList(), caller))
        .onSuccess(videos -> {
          ApiErrors.json(ctx, 200, new JsonObject().put("videos", videos).put("total", videos.size()));
        }).onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    Optional<User> caller = users.of(ctx.request());
    Permissions.watchable(library.videos(), ctx.pathParam("id"), caller)
        .compose(video -> shown(List.of(video), caller))
        .onSuccess(videos -> ApiErrors.json(ctx, 200, videos.getJsonObject(0)))
        .onFailure(error -> Failures.answer(ctx, error));
  }

  /** {"title"} renames, {"visibility"} says who may watch; either or both, by the owner (or an admin). */
  private void change(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Optional<User> caller = users.of(ctx.request());
    Permissions.changeable(library.videos(), id, caller).compose(video -> {
      VideoChange change = VideoChange.of(ctx);
      Future<Boolean> renamed = change.title() == null ? Future.succeededFuture(true)
          : library.videos().rename(id, change.title());
      boolean admin = caller.isPresent() && caller.get().admin();
      return renamed.compose(existed -> change.visibility() == null ? Future.succeededFuture(existed)
          : library.videos().changeVisibility(id, change.visibility(), admin).map(changed -> {
            if (!changed && existed) {
              throw new Problem(403, "hidden_by_moderators", "moderators hid this video after a report, so it "
                  + "stays private; ask an admin if you think that was a mistake");
            }
            return changed;
          }));
    }).onSuccess(existed -> {
      if (existed) {
        get(ctx);
      } else {
        notFound(ctx, id);
      }
    }).onFailure(error -> Failures.answer(ctx, error));
  }

  private void delete(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Future<Boolean> deleted = Permissions.changeable(library.videos(), id, users.of(ctx.request()))
        .compose(video -> makers.stopMaking(id))
        .compose(stopped -> stopped ? Future.succeededFuture(true) : library.delete(id));
    deleted.onSuccess(existed -> {
      if (existed) {
        ctx.response().setStatusCode(204).end();
      } else {
        notFound(ctx, id);
      }
    }).onFailure(error -> Failures.answer(ctx, error));
  }

  /** The videos as the caller is shown them: signed media links, whether they are theirs, the extras. */
  private Future<JsonArray> shown(List<Video> found, Optional<User> caller) {
    return extras.get().of(found, caller).map(more -> {
      JsonArray videos = new JsonArray();
      found.forEach(video -> videos.add(links.signed(video, video.toJson())
          .put("yours", Permissions.canChange(video, caller)).mergeIn(more.getOrDefault(video.id(), new JsonObject()))));
      return videos;
    });
  }

  private static void notFound(RoutingContext ctx, String id) {
    ApiErrors.send(ctx, 404, "not_found", "there is no video with the id '" + id + "'");
  }
}
