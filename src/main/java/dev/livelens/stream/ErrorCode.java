package dev.livelens.stream;

/** The error codes of protocol version 1, plus {@code internal} for faults of the server itself. */
public enum ErrorCode {
  BAD_FRAME("bad_frame"),
  TOO_LARGE("too_large"),
  BAD_MESSAGE("bad_message"),
  UNKNOWN_FILTER("unknown_filter"),
  BAD_PARAMS("bad_params"),
  BAD_BACKGROUND("bad_background"),
  BUSY("busy"),
  INTERNAL("internal");

  private final String wireName;

  ErrorCode(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Whether the client caused it: only these count towards closing a connection that sends garbage. */
  public boolean isClientFault() {
    return this != BUSY && this != INTERNAL;
  }
}
