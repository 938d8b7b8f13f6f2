package dev.livelens.library;

import dev.livelens.web.Problem;
import dev.livelens.web.User;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * Who may do what to a thing that someone owns: the one place that decides, for every route and socket (the
 * table in docs/security.md). A refusal is 404 {@code not_found} when the caller may not even know the thing
 * exists, 403 {@code forbidden} when they can see it but not change it. Every answer reads the row as the
 * database holds it now, so a change made on one node holds on every node at once.
 */
public final class Permissions {

  private Permissions() {
  }

  /** Whether the caller owns something owned by {@code ownerId} (null: made before owners), or is an admin. */
  public static boolean owns(Long ownerId, Optional<User> caller) {
    return caller.isPresent() && (caller.get().admin() || ownerId != null && ownerId == caller.get().id());
  }

  /** Watching (the video, its media, its subtitles): its owner, or anyone when it is unlisted or public. */
  public static boolean canWatch(Video video, Optional<User> caller) {
    return !Video.PRIVATE.equals(video.visibility()) || owns(video.ownerId(), caller);
  }

  /** Listed (in the library, in search results): public ones, and the caller's own. */
  public static boolean canList(Video video, Optional<User> caller) {
    return Video.PUBLIC.equals(video.visibility()) || owns(video.ownerId(), caller);
  }

  /** Renaming, changing visibility, deleting, cutting, processing, reading analytics: the owner or an admin. */
  public static boolean canChange(Video video, Optional<User> caller) {
    return owns(video.ownerId(), caller);
  }

  /** Making a cut or processed version of it: the owner, or anyone when it is unlisted or public (a remix). */
  public static boolean canRemix(Video video, Optional<User> caller) {
    return canWatch(video, caller);
  }

  /** The video, when the caller may watch it; else fails with 404 as if it did not exist. */
  public static Future<Video> watchable(Videos videos, String id, Optional<User> caller) {
    if (!VideoIds.isValid(id)) {
      return Future.failedFuture(notFound(id));
    }
    return videos.find(id).map(found -> found.filter(video -> canWatch(video, caller))
        .orElseThrow(() -> notFound(id)));
  }

  /** The video, when the caller may change it; 404 when they may not see it, 403 when they only may see it. */
  public static Future<Video> changeable(Videos videos, String id, Optional<User> caller) {
    return watchable(videos, id, caller).map(video -> {
      if (!canChange(video, caller)) {
        throw forbidden("only its owner can change this video");
      }
      return video;
    });
  }

  public static Problem notFound(String id) {
    return new Problem(404, "not_found", "there is no video with the id '" + id + "'");
  }

  public static Problem forbidden(String why) {
    return new Problem(403, "forbidden", why);
  }
}
