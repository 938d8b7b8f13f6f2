package dev.livelens.analytics;

/**
 * Whether an event could have happened in this view: times within the video, rates the player allows,
 * and no more media played than the wall time since the view's event before allows at that rate. Client
 * clocks can be set to anything, so the play time a view is credited in all is judged by the server's clock
 * too: never more than the time since the server issued the view, plus a little slack. Kept per view on the
 * connection's event loop; a refused event is not stored and does not move the view's clock.
 */
final class EventCheck {

  static final double MIN_RATE = 0.25;
  static final double MAX_RATE = 4.0;
  /** Slack for clocks and rounding: a heartbeat may cover this much more than its wall time allows. */
  private static final double SLACK_SECONDS = 1.5;
  private static final long FUTURE_SLACK_MS = 10_000;
  /** Play time a view may be credited beyond the server time since it was issued. */
  static final long SERVER_SLACK_MS = 2_000;

  private final double durationSeconds;
  /** The client's time of the view's latest event so far, or -1 before its first. */
  private long lastEventAt;
  private final long viewStartedAt;
  private long creditedMs;

  /**
   * @param lastEventAt the client's time of the view's latest stored event, or -1 for a new view
   * @param viewStartedAt the server's time the view was issued
   * @param creditedMs the play time the view holds already
   */
  EventCheck(double durationSeconds, long lastEventAt, long viewStartedAt, long creditedMs) {
    this.durationSeconds = durationSeconds;
    this.lastEventAt = lastEventAt;
    this.viewStartedAt = viewStartedAt;
    this.creditedMs = creditedMs;
  }

  /** Why the event cannot be true, or null when it may be stored. */
  String problem(WatchEvent event, long serverNow) {
    if (event.at() > serverNow + FUTURE_SLACK_MS) {
      return "event " + event.seq() + " is dated in the future";
    }
    for (double time : new double[] {event.t(), event.from(), event.to()}) {
      if (!Double.isNaN(time) && (time < 0 || time > durationSeconds + 1)) {
        return "event " + event.seq() + " is at " + time + " s, outside the video's " + durationSeconds + " s";
      }
    }
    if (!Double.isNaN(event.rate()) && (event.rate() < MIN_RATE || event.rate() > MAX_RATE)) {
      return "event " + event.seq() + " has a rate of " + event.rate() + "; rates go from 0.25 to 4";
    }
    String problem = event.type().equals("heartbeat") ? heartbeatProblem(event, serverNow) : null;
    if (problem == null) {
      lastEventAt = Math.max(lastEventAt, event.at());
    }
    return problem;
  }

  private String heartbeatProblem(WatchEvent event, long serverNow) {
    double played = event.to() - event.from();
    if (played < 0) {
      return "heartbeat " + event.seq() + " ends before it starts";
    }
    long wallMs = Math.round(played / event.rate() * 1000);
    long allowedMs = Math.max(0, serverNow - viewStartedAt) + SERVER_SLACK_MS;
    if (creditedMs + wallMs > allowedMs) {
      return "heartbeat " + event.seq() + " would credit the view " + (creditedMs + wallMs) + " ms of play, more "
          + "than the " + allowedMs + " ms since it began by the server's clock";
    }
    // The wall time since the event before: a view's first heartbeat has none, so only the slack.
    double wallSeconds = lastEventAt < 0 ? 0 : Math.max(0, event.at() - lastEventAt) / 1000.0;
    if (played > wallSeconds * event.rate() * 1.5 + SLACK_SECONDS) {
      return "heartbeat " + event.seq() + " covers " + played + " s of video in " + wallSeconds + " s at rate "
          + event.rate();
    }
    creditedMs += wallMs;
    return null;
  }
}
