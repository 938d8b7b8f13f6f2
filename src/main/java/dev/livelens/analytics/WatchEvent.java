package dev.livelens.analytics;

import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * One thing that happened in a player, as the page reports it.
 *
 * @param seq the view's own sequence number: each (view, seq) is stored once, so a retry never counts twice
 * @param type play, pause, seeking, ended, waiting, playing, ratechange or heartbeat
 * @param at the client's clock when it happened (epoch ms)
 * @param t the media time (s) of a point event
 * @param from start of a heartbeat's played range, or where a seek left (s)
 * @param to end of a heartbeat's played range, or where a seek went (s)
 * @param rate playback rate (heartbeat, ratechange)
 * @param body the event as sent; a {@code waiting} with {@code "seek": true} is the wait a seek causes
 */
record WatchEvent(long seq, String type, long at, double t, double from, double to, double rate, JsonObject body) {

  static final Set<String> TYPES = Set.of("play", "pause", "seeking", "ended", "waiting", "playing", "ratechange",
      "heartbeat");

  /** A malformed event: what is wrong with it, for the client. */
  static final class Invalid extends Exception {
    final long seq;

    Invalid(long seq, String message) {
      super(message, null, false, false);
      this.seq = seq;
    }
  }

  static WatchEvent parse(Object value) throws Invalid {
    if (!(value instanceof JsonObject json)) {
      throw new Invalid(-1, "an event is a JSON object");
    }
    if (!(json.getValue("seq") instanceof Number seq) || seq.longValue() < 0 || seq.longValue() > Integer.MAX_VALUE
        || seq.doubleValue() != seq.longValue()) {
      throw new Invalid(-1, "an event needs a whole 'seq' from 0");
    }
    long n = seq.longValue();
    if (!(json.getValue("type") instanceof String type) || !TYPES.contains(type)) {
      throw new Invalid(n, "unknown event type " + json.getValue("type") + "; known: " + TYPES);
    }
    if (!(json.getValue("at") instanceof Number at)) {
      throw new Invalid(n, "an event needs 'at', the client's time in epoch milliseconds");
    }
    if (json.containsKey("seek") && !(json.getValue("seek") instanceof Boolean)) {
      throw new Invalid(n, "'seek' is true or false: whether a waiting was caused by a seek");
    }
    double rate = number(json, "rate", n, type.equals("heartbeat") || type.equals("ratechange"));
    return new WatchEvent(n, type, at.longValue(), number(json, "t", n, pointEvent(type)),
        number(json, "from", n, hasRange(type)), number(json, "to", n, hasRange(type)), rate, json);
  }

  /** A wait for the data a seek needs: not rebuffering, so not a stall. */
  boolean afterSeek() {
    return type.equals("waiting") && Boolean.TRUE.equals(body.getValue("seek"));
  }

  private static boolean pointEvent(String type) {
    return !hasRange(type);
  }

  private static boolean hasRange(String type) {
    return type.equals("heartbeat") || type.equals("seeking");
  }

  private static double number(JsonObject json, String field, long seq, boolean required) throws Invalid {
    Object value = json.getValue(field);
    if (value == null && !required) {
      return Double.NaN;
    }
    if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
      throw new Invalid(seq, "a " + json.getValue("type") + " event needs a number '" + field + "'");
    }
    return number.doubleValue();
  }
}
