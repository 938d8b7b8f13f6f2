package dev.livelens.stream;

import dev.livelens.bus.FrameRequest;
import io.vertx.core.buffer.Buffer;

/**
 * A frame accepted from a client and not yet answered.
 *
 * @param id the client's frame id, echoed in the reply
 * @param jpeg the image bytes, without the id
 * @param json whether it came as a JSON {@code frame} message and must be answered the same way
 * @param request the filter and parameters in force when it arrived (whether it detects faces is
 *     decided when it goes to a worker)
 * @param arrivedNanos when it arrived, for the total server time
 */
record PendingFrame(long id, Buffer jpeg, boolean json, FrameRequest request, long arrivedNanos) {
}
