package dev.livelens.web;

/** The WebSocket close codes the server uses (RFC 6455, section 7.4.1). */
public final class CloseCodes {

  /** The server is stopping (a restart, a redeploy): reconnect, to this address or another node. */
  public static final short GOING_AWAY = 1001;
  /** The peer sent something this endpoint does not accept (a dashboard feed that is talked to). */
  public static final short UNSUPPORTED_DATA = 1003;
  /** The peer broke the rules too often (a client that sends nothing but garbage). */
  public static final short POLICY_VIOLATION = 1008;
  /**
   * The session the socket was opened with was signed out, or its password changed (private range of
   * RFC 6455, after HTTP's 401): the page says so and offers to sign in again.
   */
  public static final short SIGNED_OUT = 4401;
  /** The room the socket was in was closed by its owner (private range): the page says so, no reconnect. */
  public static final short ROOM_CLOSED = 4410;
  /** The room's owner removed this person from the room (private range, after HTTP's 403): no reconnect. */
  public static final short REMOVED = 4403;
  /** The server is full: try again later. */
  public static final short TRY_AGAIN_LATER = 1013;

  private CloseCodes() {
  }
}
