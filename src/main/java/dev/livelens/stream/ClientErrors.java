package dev.livelens.stream;

import dev.livelens.web.CloseCodes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a client what was wrong with what it sent, and disconnects a client whose last
 * {@code --garbage-limit} messages were all its own faults: any good frame or applied filter resets the count.
 */
final class ClientErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ClientErrors.class);

  private final String streamId;
  private final ClientChannel client;
  private final int garbageLimit;
  private int garbageStreak;

  ClientErrors(String streamId, ClientChannel client, int garbageLimit) {
    this.streamId = streamId;
    this.client = client;
    this.garbageLimit = garbageLimit;
  }

  /** An error message, naming the frame when it is about one ({@code frameId} null otherwise). */
  void reject(ErrorCode code, String message, Long frameId) {
    client.text(WireFormat.error(code, message, frameId));
    if (code.isClientFault()) {
      countGarbage();
    }
  }

  /** Text over the rate limit: the client's doing, so it counts toward the limit like a bad message. */
  void flood() {
    countGarbage();
  }

  void good() {
    garbageStreak = 0;
  }

  private void countGarbage() {
    if (++garbageStreak == garbageLimit) {
      LOG.info("stream {} closed after {} bad messages in a row", streamId, garbageStreak);
      client.close(CloseCodes.POLICY_VIOLATION, "too many bad messages in a row");
    }
  }
}
