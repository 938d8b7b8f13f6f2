package dev.livelens.library;

import dev.livelens.web.User;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fields another feature adds to the videos' JSON (likes, replies): the social feature sets it when it starts,
 * so the library shows them without knowing that feature.
 */
@FunctionalInterface
public interface VideoExtras {

  /** Before any feature adds anything. */
  VideoExtras NONE = (videos, caller) -> Future.succeededFuture(Map.of());

  /** Per video id, the fields to merge into its JSON (for {@code caller}: whether they liked it). */
  Future<Map<String, JsonObject>> of(List<Video> videos, Optional<User> caller);
}
