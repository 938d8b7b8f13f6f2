package dev.livelens.vision;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * Everything native a {@link TurboJpegCodec} holds: its TurboJPEG handles and buffers. Kept apart from
 * the codec so the Cleaner that frees it does not keep the codec alive.
 */
final class TurboJpegState implements Runnable {
  Pointer decompressor;
  Pointer compressor;
  Memory scratch;
  Memory input;
  Pointer output;
  long outputCapacity;
  volatile boolean closed;

  @Override
  public void run() {
    closed = true;
    if (decompressor != null) {
      TurboJpegLibrary.tjDestroy(decompressor);
      decompressor = null;
    }
    if (compressor != null) {
      TurboJpegLibrary.tjDestroy(compressor);
      compressor = null;
    }
    if (output != null) {
      TurboJpegLibrary.tjFree(output);
      output = null;
      outputCapacity = 0;
    }
    if (input != null) {
      input.close();
      input = null;
    }
    if (scratch != null) {
      scratch.close();
      scratch = null;
    }
  }
}
