package dev.livelens.library;

import io.vertx.core.Future;

/** Whatever is still making videos (the jobs): asked to stop first when a person deletes a video. */
@FunctionalInterface
public interface VideoMakers {

  VideoMakers NONE = videoId -> Future.succeededFuture(false);

  /**
   * Stops what is making this video and removes the video with it; false when nothing was making it.
   * Completes once it has stopped.
   */
  Future<Boolean> stopMaking(String videoId);
}
