package dev.livelens.library;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * What the library asks of a video's transcript (the subtitles feature answers; until it starts, or on a node
 * without it, {@link #NONE}): the subtitles its HLS playlist offers, and the times of words a cut is made by.
 */
public interface SpokenWords {

  /** Where a run of words was said: from its first word's start to its last word's end. */
  record Span(int startMs, int endMs) {
  }

  /** The video's subtitles as WebVTT with their language; empty unless its transcript is ready. */
  record Subtitles(String language, String webVtt) {
  }

  /** The language of the video's subtitles; empty unless its transcript is ready. */
  Future<Optional<String>> language(String videoId);

  Future<Optional<Subtitles>> subtitles(String videoId);

  /** Where words {@code fromWord..toWord} of the video's ready transcript were said; empty if it has no such words. */
  Future<Optional<Span>> span(String videoId, int fromWord, int toWord);

  /** The new video {@code cutId} is words {@code fromWord..toWord} of {@code videoId}: its transcript will be them. */
  Future<Void> cutOf(String cutId, String videoId, int fromWord, int toWord);

  SpokenWords NONE = new SpokenWords() {
    @Override
    public Future<Optional<String>> language(String videoId) {
      return Future.succeededFuture(Optional.empty());
    }

    @Override
    public Future<Optional<Subtitles>> subtitles(String videoId) {
      return Future.succeededFuture(Optional.empty());
    }

    @Override
    public Future<Optional<Span>> span(String videoId, int fromWord, int toWord) {
      return Future.succeededFuture(Optional.empty());
    }

    @Override
    public Future<Void> cutOf(String cutId, String videoId, int fromWord, int toWord) {
      return Future.succeededFuture();
    }
  };
}
