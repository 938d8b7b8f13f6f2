package dev.livelens.analytics;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a batch of new events adds to a video's aggregates and to its view: counts per second of the video,
 * time per playback rate, and the view's own totals. A second counts as played (skipped, re-watched) when
 * its middle lies in the range, so a second is counted once however the heartbeats cut the range.
 */
final class WatchEffects {

  /** Counts added to one second of the video. */
  static final class Second {
    int plays;
    int skips;
    int rewatches;
    int stalls;
    int pauses;
  }

  /** A seek shorter than this is a nudge, neither a skip nor a re-watch. */
  private static final double SEEK_MIN_SECONDS = 0.5;

  final Map<Integer, Second> seconds = new TreeMap<>();
  final Map<String, Long> rateMs = new TreeMap<>();
  long watchedMs;
  int pauses;
  int stalls;
  int seeks;
  boolean completed;
  long lastEventAt = -1;
  // A stall's start, carried in from the view (-1 for none) and out to it.
  long stallStartedAt;
  long stallMs;
  long longestStallMs;

  WatchEffects(long stallStartedAt) {
    this.stallStartedAt = stallStartedAt;
  }

  void add(WatchEvent event) {
    lastEventAt = Math.max(lastEventAt, event.at());
    switch (event.type()) {
      case "heartbeat" -> {
        eachSecond(event.from(), event.to(), second -> second.plays++);
        long wallMs = Math.round((event.to() - event.from()) / event.rate() * 1000);
        watchedMs += wallMs;
        rateMs.merge(rateKey(event.rate()), wallMs, Long::sum);
      }
      case "seeking" -> seek(event.from(), event.to());
      case "pause" -> {
        pauses++;
        second((int) event.t()).pauses++;
      }
      case "waiting" -> {
        if (event.afterSeek()) {
          return; // the seek's own wait is counted with the seek, not as rebuffering
        }
        stalls++;
        second((int) event.t()).stalls++;
        stallStartedAt = event.at();
      }
      case "playing" -> endStall(event.at());
      case "ended" -> completed = true;
      default -> { } // play, ratechange: kept as events; rates are counted from heartbeats
    }
  }

  private void seek(double from, double to) {
    seeks++;
    if (to - from >= SEEK_MIN_SECONDS) {
      eachSecond(from, to, second -> second.skips++);
    } else if (from - to >= SEEK_MIN_SECONDS) {
      eachSecond(to, from, second -> second.rewatches++);
    }
  }

  private void endStall(long at) {
    if (stallStartedAt >= 0) {
      long ms = Math.max(0, at - stallStartedAt);
      stallMs += ms;
      longestStallMs = Math.max(longestStallMs, ms);
      stallStartedAt = -1;
    }
  }

  private void eachSecond(double from, double to, java.util.function.Consumer<Second> change) {
    for (int s = (int) Math.floor(from); s + 0.5 < to; s++) {
      if (s + 0.5 >= from) {
        change.accept(second(s));
      }
    }
  }

  private Second second(int s) {
    return seconds.computeIfAbsent(s, key -> new Second());
  }

  /** "1", "1.5", "0.25": the rate as the page shows it. */
  static String rateKey(double rate) {
    double rounded = Math.round(rate * 100) / 100.0;
    return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
  }
}
