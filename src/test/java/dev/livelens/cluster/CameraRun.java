package dev.livelens.cluster;

import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TestImages;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stream at camera pace (30 frames a second, at most two unanswered, a frame given up after half a
 * second without an answer, as the page gives up on a dropped one) with something done to the cluster part-way: the times of its
 * image replies tell whether and when the stream stood still.
 */
record CameraRun(long sent, long startNanos, long eventAtNanos, List<Long> imageNanos) {

  private static final long FRAME_NANOS = 33_333_333L;
  private static final long GIVE_UP_NANOS = 500_000_000L;

  /** A run with nothing done part-way. */
  static CameraRun of(StreamClient client, Duration length) {
    return of(client, length, length, () -> { });
  }

  static CameraRun of(StreamClient client, Duration length, Duration eventAfter, Runnable event) {
    byte[] frame = TestImages.faceFrame();
    Map<Long, Long> unanswered = new HashMap<>();
    List<Long> images = new ArrayList<>();
    long start = System.nanoTime();
    long end = start + length.toNanos();
    long eventAt = start + eventAfter.toNanos();
    boolean happened = false;
    long next = start;
    long id = 1;
    while (System.nanoTime() < end) {
      long now = System.nanoTime();
      unanswered.values().removeIf(sentAt -> now - sentAt > GIVE_UP_NANOS);
      if (now >= next && unanswered.size() < 2) {
        client.sendFrame(id, frame);
        unanswered.put(id++, now);
        next = Math.max(next + FRAME_NANOS, now - FRAME_NANOS);
      }
      if (!happened && now >= eventAt) {
        event.run();
        eventAt = System.nanoTime();
        happened = true;
      }
      StreamClient.Incoming message = client.poll(Duration.ofMillis(2));
      if (message != null && message.answeredFrame() != null) {
        unanswered.remove(message.answeredFrame());
        if (message.isImage()) {
          images.add(System.nanoTime());
        }
      }
    }
    return new CameraRun(id - 1, start, eventAt, images);
  }

  /**
   * The stream's stats once every frame of the run and one more are settled. The run's own settled stats
   * may have come (and been read) during the run: one more frame makes news, so a stats with every frame
   * settled follows its answer.
   */
  JsonObject settledStats(StreamClient client) {
    client.sendFrame(sent + 1, TestImages.faceFrame());
    return client.awaitStats(s -> s.getLong("received") == sent + 1 && s.getInteger("inFlight") == 0);
  }

  /** The longest time without an image reply from the event to the end of the run. */
  long longestGapAfterKillMs() {
    long last = eventAtNanos;
    long longest = 0;
    for (long at : imageNanos) {
      if (at > eventAtNanos) {
        longest = Math.max(longest, at - last);
        last = at;
      }
    }
    return longest / 1_000_000;
  }

  /** When the images came, in ms from the event, for a failure's message. */
  List<Long> imageMsAfterEvent() {
    return imageNanos.stream().map(at -> (at - eventAtNanos) / 1_000_000).toList();
  }

  int images() {
    return imageNanos.size();
  }

  /** Image replies a second between {@code fromMs} and {@code toMs} after the run started. */
  double imagesPerSecond(long fromMs, long toMs) {
    long count = imageNanos.stream().filter(at -> at >= startNanos + fromMs * 1_000_000
        && at < startNanos + toMs * 1_000_000).count();
    return count * 1000.0 / (toMs - fromMs);
  }
}
