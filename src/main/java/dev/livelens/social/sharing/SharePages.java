package dev.livelens.social.sharing;

import dev.livelens.library.LibraryFeature;
import dev.livelens.library.Permissions;
import dev.livelens.library.Video;
import dev.livelens.library.VideoIds;
import dev.livelens.web.Failures;
import dev.livelens.web.Problem;
import dev.livelens.web.SecurityHeaders;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The pages a shared link opens. {@code /watch/<id>}: the watch page, with link preview tags and the title in
 * its head when anyone with the link may watch the video (public, unlisted); for any other id (private,
 * hidden, missing) the same page exactly as the file is, so nothing of the video shows in the HTML.
 * {@code /embed/<id>}: the player alone, which other sites may frame, for public and unlisted videos only
 * (404 otherwise, not framable).
 */
final class SharePages {

  private final LibraryFeature library;
  private final String watch;
  private final String embed;

  /** @param watch the watch page's HTML; {@code embed} the embedded player's */
  SharePages(LibraryFeature library, String watch, String embed) {
    this.library = library;
    this.watch = watch;
    this.embed = embed;
  }

  void watch(RoutingContext ctx) {
    shareable(ctx.pathParam("id")).onSuccess(found -> {
      String html = found.map(video -> {
        String head = ShareTags.of(library.signedJson(video), origin(ctx.request()));
        return watch.replaceFirst("<title>[^<]*</title>", java.util.regex.Matcher.quoteReplacement(
            ShareTags.title(video.title()))).replace("</head>", head + "</head>");
      }).orElse(watch);
      send(ctx, html);
    }).onFailure(ctx::fail);
  }

  void embed(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    shareable(id).onSuccess(found -> {
      if (found.isEmpty()) {
        Failures.answer(ctx, new Problem(404, "not_found", "there is no public or unlisted video '" + id
            + "' to embed; its owner can make it unlisted or public on its page"));
        return;
      }
      SecurityHeaders.allowFraming(ctx.response());
      send(ctx, embed);
    }).onFailure(ctx::fail);
  }

  /** The video when anyone with its link may watch it (a visitor without a cookie could). */
  private Future<Optional<Video>> shareable(String id) {
    if (!VideoIds.isValid(id)) {
      return Future.succeededFuture(Optional.empty());
    }
    return library.library().videos().find(id).map(found -> found.filter(video ->
        Permissions.canWatch(video, Optional.empty())));
  }

  private static void send(RoutingContext ctx, String html) {
    // Not cached: the tags carry signed links that expire, and the video may stop being shareable.
    ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-store")
        .end(html);
  }

  /** The origin the request was sent to; the host guard answered it before any route, so it is the server's own. */
  private static String origin(HttpServerRequest request) {
    return request.scheme() + "://" + request.authority().toString();
  }
}
