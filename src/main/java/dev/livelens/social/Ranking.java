package dev.livelens.social;

import io.vertx.core.json.JsonObject;

/**
 * The formula that ranks "For you" and gives each video its engagement score (docs/social.md, "Ranking").
 * Views alone never raise a video: what counts is whether people watch to the end, how much of it they
 * watch, and whether they like it or answer it. Shrunk towards neutral priors so that one view decides
 * nothing.
 */
final class Ranking {

  static final double QUALITY_WEIGHT = 3.0;
  static final double FRESHNESS_WEIGHT = 1.5;
  static final double FRESHNESS_HALF_HOURS = 48;
  static final double FOLLOWS_BONUS = 1.5;
  static final double AFFINITY_BONUS = 0.5;
  static final double SEEN_PENALTY = 3.0;

  private Ranking() {
  }

  /** Views watched to the end, out of all views, with one completed and one skipped view as a prior. */
  static double completion(VideoStats s) {
    return (s.completions() + 1.0) / (s.views() + 2.0);
  }

  /** The share of the video an average view plays, with one half-watched view as a prior; at most 1. */
  static double watchShare(VideoStats s) {
    if (s.durationMs() <= 0) {
      return 0.5;
    }
    return Math.min(1.0, (s.watchedMs() + 0.5 * s.durationMs()) / ((s.views() + 1.0) * s.durationMs()));
  }

  /** Likes per view, with five views that liked nothing as a prior. */
  static double likeRate(VideoStats s) {
    return s.likes() / (s.likes() + s.views() + 5.0);
  }

  /** 0..1: how well a video holds the people who open it. */
  static double quality(VideoStats s) {
    return 0.5 * completion(s) + 0.3 * watchShare(s) + 0.2 * likeRate(s);
  }

  /** What people did with it beyond opening it: likes, replies (twice), views to the end. */
  static double popularity(VideoStats s) {
    return Math.log10(1.0 + s.likes() + 2.0 * s.replies() + s.completions());
  }

  /** 1 when new, 1/2 after two days, 1/3 after four. */
  static double freshness(VideoStats s, long now) {
    double hours = Math.max(0, now - s.createdAt()) / 3_600_000.0;
    return 1.0 / (1.0 + hours / FRESHNESS_HALF_HOURS);
  }

  /** The same for every viewer. */
  static double base(VideoStats s, long now) {
    return QUALITY_WEIGHT * quality(s) + popularity(s) + FRESHNESS_WEIGHT * freshness(s, now);
  }

  /**
   * @param follows whether the viewer follows its owner
   * @param ownerCompletions how many of its owner's videos the viewer watched to the end
   * @param seen whether the viewer watched this one to the end already
   */
  static double forViewer(VideoStats s, long now, boolean follows, int ownerCompletions, boolean seen) {
    return base(s, now) + (follows ? FOLLOWS_BONUS : 0) + AFFINITY_BONUS * Math.min(1.0, ownerCompletions / 3.0)
        - (seen ? SEEN_PENALTY : 0);
  }

  /** The engagement score (0..100) and what it is made of, as its owner is shown it. */
  static JsonObject engagement(VideoStats s) {
    return new JsonObject().put("score", Math.round(100 * quality(s))).put("views", s.views())
        .put("completionRate", round(s.views() == 0 ? 0 : (double) s.completions() / s.views()))
        .put("averageWatchMs", s.views() == 0 ? 0 : s.watchedMs() / s.views()).put("likes", s.likes())
        .put("replies", s.replies())
        .put("formula", "score = 100 × (0.5 × (completed + 1) / (views + 2) + 0.3 × min(1, (watched + duration / 2) "
            + "/ ((views + 1) × duration)) + 0.2 × likes / (likes + views + 5))");
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
