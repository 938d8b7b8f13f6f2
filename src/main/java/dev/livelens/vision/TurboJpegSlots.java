package dev.livelens.vision;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The out-parameters TurboJPEG writes into: a header's size, subsampling and colour space, and an output
 * buffer's address and size. They are views into one small native block, made once, so the per-frame calls
 * allocate no Pointer objects for them.
 */
final class TurboJpegSlots {

  // Layout of the block.
  private static final int WIDTH = 0;
  private static final int HEIGHT = 4;
  private static final int SUBSAMP = 8;
  private static final int COLORSPACE = 12;
  private static final int OUT_BUF = 16;
  private static final int OUT_SIZE = OUT_BUF + Native.POINTER_SIZE;
  static final int BYTES = OUT_SIZE + Native.LONG_SIZE;

  final Pointer width;
  final Pointer height;
  final Pointer subsamp;
  final Pointer colorspace;
  final Pointer outBuf;
  final Pointer outSize;

  /** @param block {@link #BYTES} of native memory, owned by the caller */
  TurboJpegSlots(Memory block) {
    width = block.share(WIDTH, 4);
    height = block.share(HEIGHT, 4);
    subsamp = block.share(SUBSAMP, 4);
    colorspace = block.share(COLORSPACE, 4);
    outBuf = block.share(OUT_BUF, Native.POINTER_SIZE);
    outSize = block.share(OUT_SIZE, Native.LONG_SIZE);
  }

  /** Reads a JPEG's header into the slots; false when TurboJPEG refuses it. */
  boolean readHeader(Pointer handle, Pointer jpeg, NativeLong size) {
    // A tables-only stream "succeeds" without setting the size: never read a stale one.
    width.setInt(0, 0);
    height.setInt(0, 0);
    return TurboJpegLibrary.tjDecompressHeader3(handle, jpeg, size, width, height, subsamp, colorspace) == 0;
  }

  /** Points the output slots at {@code buffer} of {@code capacity} bytes. */
  void output(Pointer buffer, long capacity) {
    outBuf.setPointer(0, buffer);
    outSize.setNativeLong(0, new NativeLong(capacity));
  }

  /** The bytes TurboJPEG wrote into {@code buffer}. */
  byte[] written(Pointer buffer) {
    return buffer.getByteArray(0, Math.toIntExact(outSize.getNativeLong(0).longValue()));
  }
}
