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
  /** Made on the first lossless transform: a worker that never asks for one never has it. */
  Pointer transformer;
  Memory scratch;
  Memory input;
  /** One tjtransform struct, filled once. */
  Memory transformSpec;
  Pointer output;
  long outputCapacity;
  volatile boolean closed;

  /** The handles and buffers a codec starts with; whatever was made is freed again if one cannot be. */
  static TurboJpegState open(int scratchBytes) {
    TurboJpegState s = new TurboJpegState();
    try {
      s.decompressor = TurboJpegLibrary.tjInitDecompress();
      s.compressor = TurboJpegLibrary.tjInitCompress();
      if (s.decompressor == null || s.compressor == null) {
        throw new IllegalStateException("TurboJPEG could not create its handles: "
            + TurboJpegLibrary.tjGetErrorStr2(null));
      }
      s.scratch = new Memory(scratchBytes);
      s.input = new Memory(64 * 1024);
    } catch (RuntimeException | Error e) {
      s.run();
      throw e;
    }
    return s;
  }

  /**
   * A fresh decompressor (or transformer) in place of one that failed on a frame: after some corrupt
   * input a handle keeps bad state and would refuse the next good frame too.
   */
  void replace(boolean transformerHandle) {
    Pointer fresh;
    if (transformerHandle) {
      TurboJpegLibrary.tjDestroy(transformer);
      transformer = fresh = TurboJpegLibrary.tjInitTransform();
    } else {
      TurboJpegLibrary.tjDestroy(decompressor);
      decompressor = fresh = TurboJpegLibrary.tjInitDecompress();
    }
    if (fresh == null) {
      throw new IllegalStateException("TurboJPEG could not create a new handle");
    }
  }

  /** The input buffer, grown (never shrunk) to hold {@code length} bytes. */
  Memory input(int length) {
    if (input.size() < length) {
      long grown = Math.max(length, input.size() * 3 / 2);
      input.close();
      input = null; // never left pointing at freed memory if the allocation fails
      input = new Memory(grown);
    }
    return input;
  }

  /** The output buffer for encodes and transforms, grown to at least {@code needed} bytes. */
  Pointer output(long needed) {
    if (needed <= 0 || needed > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("image too large to encode: " + needed + " bytes at worst");
    }
    if (needed > outputCapacity) {
      TurboJpegLibrary.tjFree(output);
      output = null;
      outputCapacity = 0;
      Pointer buffer = TurboJpegLibrary.tjAlloc((int) needed);
      if (buffer == null) {
        throw new OutOfMemoryError("tjAlloc(" + needed + ") failed");
      }
      output = buffer;
      outputCapacity = needed;
    }
    return output;
  }

  @Override
  public void run() {
    closed = true;
    decompressor = destroy(decompressor);
    compressor = destroy(compressor);
    transformer = destroy(transformer);
    if (output != null) {
      TurboJpegLibrary.tjFree(output);
      output = null;
      outputCapacity = 0;
    }
    for (Memory memory : new Memory[] {input, scratch, transformSpec}) {
      if (memory != null) {
        memory.close();
      }
    }
    input = null;
    scratch = null;
    transformSpec = null;
  }

  private static Pointer destroy(Pointer handle) {
    if (handle != null) {
      TurboJpegLibrary.tjDestroy(handle);
    }
    return null;
  }
}
