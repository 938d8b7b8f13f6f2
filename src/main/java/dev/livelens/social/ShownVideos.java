package dev.livelens.social;

import dev.livelens.library.Video;
import dev.livelens.library.VideoExtras;
import dev.livelens.library.Videos;
import dev.livelens.web.User;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * A list of video ids turned into the JSON a caller is shown: each video read now, kept only when the
 * caller may see it there, in the list's order, with its likes and replies.
 */
final class ShownVideos {

  /** The feed and profiles: public videos whose files are ready, for everyone. */
  static final BiPredicate<Video, Optional<User>> PUBLIC_READY =
      (video, caller) -> Video.PUBLIC.equals(video.visibility()) && Video.READY.equals(video.status());

  private final Videos videos;
  private final VideoExtras extras;

  ShownVideos(Videos videos, VideoExtras extras) {
    this.videos = videos;
    this.extras = extras;
  }

  Future<JsonArray> of(List<String> ids, Optional<User> caller, BiPredicate<Video, Optional<User>> allowed) {
    return videos.findAll(ids).compose(found -> {
      Map<String, Video> byId = new HashMap<>();
      found.stream().filter(video -> allowed.test(video, caller)).forEach(video -> byId.put(video.id(), video));
      List<Video> ordered = ids.stream().filter(byId::containsKey).map(byId::get).toList();
      return extras.of(ordered, caller).map(more -> {
        JsonArray page = new JsonArray();
        ordered.forEach(video -> page.add(video.toJson().mergeIn(more.getOrDefault(video.id(), new JsonObject()))));
        return page;
      });
    });
  }
}
