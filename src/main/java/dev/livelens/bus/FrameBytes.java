package dev.livelens.bus;

import io.vertx.core.buffer.Buffer;

/**
 * A frame's bytes copied into one reused array: the codecs read arrays, and a new one per frame is
 * garbage at 30 frames a second per stream. One instance per thread of work (a worker, a recorder).
 */
public final class FrameBytes {

  private byte[] scratch = new byte[64 * 1024];

  /** {@code frame}'s bytes at the start of an array the next call reuses; {@code frame.length()} of them count. */
  public byte[] of(Buffer frame) {
    int length = frame.length();
    if (scratch.length < length) {
      scratch = new byte[Math.max(length, scratch.length * 2)];
    }
    frame.getBytes(0, length, scratch, 0);
    return scratch;
  }
}
