package dev.livelens.social;

/**
 * What the platform measured of one public video, as the ranking reads it.
 *
 * @param views views opened by players (watch_views rows)
 * @param completions views that reached the end
 * @param watchedMs play time summed over its views
 */
record VideoStats(String id, Long ownerId, long createdAt, long durationMs, long views, long completions,
    long watchedMs, long likes, long replies) {

  /** A video the measurements have not reached yet (new since the last refresh). */
  static VideoStats unmeasured(String id, Long ownerId, long createdAt, long durationMs) {
    return new VideoStats(id, ownerId, createdAt, durationMs, 0, 0, 0, 0, 0);
  }
}
