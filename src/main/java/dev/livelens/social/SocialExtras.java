package dev.livelens.social;

import dev.livelens.library.Permissions;
import dev.livelens.library.Video;
import dev.livelens.library.VideoExtras;
import dev.livelens.library.Videos;
import dev.livelens.web.User;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every video's JSON carries from the social feature: {@code likes}, {@code liked} (by the caller),
 * {@code replies} (public ones), {@code replyTo} (its parent's id, when the caller may watch it),
 * {@code replyToHidden} and {@code replyToDeleted}.
 */
final class SocialExtras implements VideoExtras {

  private final Likes likes;
  private final Replies replies;
  private final Videos videos;

  SocialExtras(Likes likes, Replies replies, Videos videos) {
    this.likes = likes;
    this.replies = replies;
    this.videos = videos;
  }

  @Override
  public Future<Map<String, JsonObject>> of(List<Video> shown, Optional<User> caller) {
    List<String> ids = shown.stream().map(Video::id).toList();
    Future<Map<String, Long>> counts = likes.counts(ids);
    Future<Set<String>> liked = caller.map(user -> likes.likedBy(user.id(), ids))
        .orElse(Future.succeededFuture(Set.of()));
    Future<Map<String, Long>> replyCounts = replies.counts(ids);
    Future<Map<String, String>> parents = replies.parents(ids);
    Future<Map<String, Video>> living = parents.compose(found -> videos.findAll(List.copyOf(new HashSet<>(found.values()))))
        .map(found -> {
          Map<String, Video> alive = new HashMap<>();
          found.forEach(video -> alive.put(video.id(), video));
          return alive;
        });
    return Future.all(counts, liked, replyCounts, living).map(done -> {
      Map<String, JsonObject> extras = new HashMap<>();
      for (String id : ids) {
        String parent = parents.result().get(id);
        Video parentVideo = parent == null ? null : living.result().get(parent);
        // A parent the caller may not watch is not named: they learn only that there is one.
        boolean hidden = parentVideo != null && !Permissions.canWatch(parentVideo, caller);
        extras.put(id, new JsonObject().put("likes", counts.result().getOrDefault(id, 0L))
            .put("liked", liked.result().contains(id)).put("replies", replyCounts.result().getOrDefault(id, 0L))
            .put("replyTo", hidden ? null : parent).put("replyToHidden", hidden)
            .put("replyToDeleted", parent != null && parentVideo == null));
      }
      return extras;
    });
  }
}
