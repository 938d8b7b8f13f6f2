package dev.livelens.stream;

import java.util.Arrays;

/** The error codes of protocol version 1, plus {@code internal} for faults of the server itself. */
public enum ErrorCode {
  BAD_FRAME("bad_frame"),
  TOO_LARGE("too_large"),
  BAD_MESSAGE("bad_message"),
  UNKNOWN_FILTER("unknown_filter"),
  BAD_PARAMS("bad_params"),
  BUSY("busy"),
  INTERNAL("internal");

  private final String wireName;

  ErrorCode(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The code a worker puts on a failed event-bus reply ({@code Message.fail}); stable across versions. */
  public int failureCode() {
    return 400 + ordinal();
  }

  public static ErrorCode fromFailureCode(int code) {
    return Arrays.stream(values()).filter(c -> c.failureCode() == code).findFirst().orElse(INTERNAL);
  }

  /** Whether the client caused it: only these count towards closing a connection that sends garbage. */
  public boolean isClientFault() {
    return this != BUSY && this != INTERNAL;
  }
}
