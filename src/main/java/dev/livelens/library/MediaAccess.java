package dev.livelens.library;

import dev.livelens.web.Failures;
import dev.livelens.web.Problem;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Who may fetch a video's media files: a request with a valid signed link (see {@link MediaLinks}), or anyone
 * when the video is public. Everything else is 403, the same for a private video, an unlisted one and one
 * that does not exist, so a link reveals nothing once it has expired. A playlist fetched with a token is
 * answered with its segment URIs carrying the same token.
 */
final class MediaAccess implements Handler<RoutingContext> {

  private static final String PREFIX = "/api/videos/";
  /** The routing context's key for a valid token, which the playlists made on request put on their URIs. */
  static final String TOKEN = "livelens.media-token";
  static final Problem UNSIGNED = new Problem(403, "forbidden", "this media link is not signed or has expired; "
      + "open the video's page again for a fresh one");

  private final Library library;
  private final MediaLinks links;

  MediaAccess(Library library, MediaLinks links) {
    this.library = library;
    this.links = links;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    String rest = path.substring(path.indexOf(PREFIX) + PREFIX.length());
    String id = rest.substring(0, rest.indexOf('/'));
    String token = ctx.request().getParam(MediaLinks.PARAM);
    if (links.valid(id, token, System.currentTimeMillis())) {
      if (rest.endsWith("/index.m3u8")) {
        playlist(ctx, id, token);
      } else {
        ctx.put(TOKEN, token);
        ctx.next();
      }
      return;
    }
    library.videos().find(id).onSuccess(found -> {
      if (found.isPresent() && Video.PUBLIC.equals(found.get().visibility())) {
        ctx.next();
      } else {
        Failures.answer(ctx, UNSIGNED);
      }
    }).onFailure(ctx::fail);
  }

  private void playlist(RoutingContext ctx, String id, String token) {
    String file = library.store().directory(id).resolve("hls").resolve("index.m3u8").toString();
    ctx.vertx().fileSystem().readFile(file).onSuccess(bytes -> ctx.response()
        .putHeader("Content-Type", "application/vnd.apple.mpegurl")
        .putHeader("Cache-Control", "private, no-store")
        .end(MediaLinks.withToken(bytes.toString(), token)))
        .onFailure(error -> Failures.answer(ctx, new Problem(404, "not_found", "this video has no playlist")));
  }
}
