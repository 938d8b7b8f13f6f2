package dev.livelens.vision;

import static dev.livelens.vision.TurboJpegLibrary.TJCS_GRAY;
import static dev.livelens.vision.TurboJpegLibrary.TJCS_YCBCR;
import static dev.livelens.vision.TurboJpegLibrary.TJFLAG_NOREALLOC;
import static dev.livelens.vision.TurboJpegLibrary.TJFLAG_STOPONWARNING;
import static dev.livelens.vision.TurboJpegLibrary.TJPF_BGR;
import static dev.livelens.vision.TurboJpegLibrary.TJPF_GRAY;
import static dev.livelens.vision.TurboJpegLibrary.TJSAMP_420;
import static dev.livelens.vision.TurboJpegLibrary.TJSAMP_GRAY;
import static dev.livelens.vision.TurboJpegLibrary.TJXOPT_COPYNONE;
import static dev.livelens.vision.TurboJpegLibrary.TJXOPT_GRAY;
import static dev.livelens.vision.TurboJpegLibrary.TRANSFORM_OPTIONS_OFFSET;
import static dev.livelens.vision.TurboJpegLibrary.TRANSFORM_STRUCT_BYTES;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.util.Objects;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * libjpeg-turbo's TurboJPEG API through JNA: SIMD-accelerated, several times faster than
 * the openpnp OpenCV build. Pixels go straight between the Mat's own memory and
 * TurboJPEG; the only copies are the JPEG bytes in and out of Java arrays.
 *
 * <p>Holds one decompressor and one compressor handle plus reused native buffers.
 * Use from one thread at a time; call {@link #close()} when done (a Cleaner frees
 * the native state if an instance is dropped without it).
 */
public final class TurboJpegCodec implements JpegCodec {

  private static final Cleaner CLEANER = Cleaner.create();

  // Layout of the small scratch block that receives out-parameters.
  private static final int WIDTH = 0;
  private static final int HEIGHT = 4;
  private static final int SUBSAMP = 8;
  private static final int COLORSPACE = 12;
  private static final int OUT_BUF = 16;
  private static final int OUT_SIZE = OUT_BUF + Native.POINTER_SIZE;

  private final TurboJpegState state;
  private final Cleaner.Cleanable cleanable;
  // Views into state.scratch, made once so the per-frame calls allocate no Pointer objects for them.
  private final Pointer widthOut;
  private final Pointer heightOut;
  private final Pointer subsampOut;
  private final Pointer colorspaceOut;
  private final Pointer outBufSlot;
  private final Pointer outSizeSlot;

  /**
   * @throws UnsatisfiedLinkError when libturbojpeg cannot be loaded
   * @throws IllegalStateException when TurboJPEG cannot create its handles
   */
  public TurboJpegCodec() {
    TurboJpegLibrary.load();
    TurboJpegState s = new TurboJpegState();
    try {
      s.decompressor = TurboJpegLibrary.tjInitDecompress();
      s.compressor = TurboJpegLibrary.tjInitCompress();
      if (s.decompressor == null || s.compressor == null) {
        throw new IllegalStateException("TurboJPEG could not create its handles: "
            + TurboJpegLibrary.tjGetErrorStr2(null));
      }
      s.scratch = new Memory(OUT_SIZE + Native.LONG_SIZE);
      s.input = new Memory(64 * 1024);
    } catch (RuntimeException | Error e) {
      s.run(); // free whatever was created before the failure
      throw e;
    }
    state = s;
    cleanable = CLEANER.register(this, s);
    widthOut = s.scratch.share(WIDTH, 4);
    heightOut = s.scratch.share(HEIGHT, 4);
    subsampOut = s.scratch.share(SUBSAMP, 4);
    colorspaceOut = s.scratch.share(COLORSPACE, 4);
    outBufSlot = s.scratch.share(OUT_BUF, Native.POINTER_SIZE);
    outSizeSlot = s.scratch.share(OUT_SIZE, Native.LONG_SIZE);
  }

  @Override
  public String name() {
    return "turbojpeg";
  }

  @Override
  public void decode(byte[] jpeg, int length, Mat dst, Pixels pixels) {
    ensureOpen();
    // Same checks as the OpenCV codec, so both reject the same frames.
    JpegHeader header = JpegStructure.requireDecodable(jpeg, length);
    Memory input = state.input(length);
    input.write(0, jpeg, 0, length);
    NativeLong size = new NativeLong(length);

    Pointer handle = state.decompressor;
    // A tables-only stream "succeeds" without setting the size: never read a stale one.
    widthOut.setInt(0, 0);
    heightOut.setInt(0, 0);
    if (TurboJpegLibrary.tjDecompressHeader3(
        handle, input, size, widthOut, heightOut, subsampOut, colorspaceOut) != 0) {
      throw refuse("bad JPEG header: ");
    }
    int width = widthOut.getInt(0);
    int height = heightOut.getInt(0);
    if (width <= 0 || height <= 0) {
      throw new BadImageException("JPEG contains no image");
    }
    if (width != header.width() || height != header.height()) {
      // The size checked against the limits must be the size decoded.
      throw new BadImageException("JPEG header is ambiguous: " + width + "x" + height + " for libjpeg, "
          + header.width() + "x" + header.height() + " for the server's checks");
    }

    boolean gray = pixels == Pixels.GRAY;
    dst.create(height, width, gray ? CvType.CV_8UC1 : CvType.CV_8UC3); // no-op when nothing changed
    // The pitch is the Mat's row step, so a non-continuous dst (a submatrix) is filled in place.
    int pitch = (int) dst.step1(0);
    // Any libjpeg warning (truncated or corrupt data) makes tjDecompress2 return -1; with
    // STOPONWARNING it stops there instead of decoding the rest as grey.
    if (TurboJpegLibrary.tjDecompress2(handle, input, size, new Pointer(dst.dataAddr()),
        width, pitch, height, gray ? TJPF_GRAY : TJPF_BGR, TJFLAG_STOPONWARNING) != 0) {
      throw refuse("corrupt JPEG: ");
    }
  }

  /**
   * The error for a frame TurboJPEG failed on. The handle that read it is replaced: after some corrupt
   * input it keeps bad state and would refuse the next good frame too.
   */
  private BadImageException refuse(String what) {
    return refuse(what, false);
  }

  private BadImageException refuse(String what, boolean transformer) {
    Pointer handle = transformer ? state.transformer : state.decompressor;
    BadImageException error = new BadImageException(what + TurboJpegLibrary.tjGetErrorStr2(handle));
    TurboJpegLibrary.tjDestroy(handle);
    Pointer fresh = transformer ? TurboJpegLibrary.tjInitTransform() : TurboJpegLibrary.tjInitDecompress();
    if (transformer) {
      state.transformer = fresh;
    } else {
      state.decompressor = fresh;
    }
    if (fresh == null) {
      throw new IllegalStateException("TurboJPEG could not create a new handle");
    }
    return error;
  }

  /**
   * Lossless: the luminance coefficients are copied as they are into a one-channel JPEG, so nothing is
   * decoded or quantised again. A JPEG in another colour space (RGB, CMYK) has no luminance to keep: null.
   */
  @Override
  public byte[] grayscale(byte[] jpeg, int length, JpegHeader checked) {
    ensureOpen();
    if (state.transformer == null) {
      state.transformer = TurboJpegLibrary.tjInitTransform();
      state.transformSpec = new Memory(TRANSFORM_STRUCT_BYTES);
      if (state.transformer == null) {
        throw new IllegalStateException("TurboJPEG could not create a transformer");
      }
    }
    Memory input = state.input(length);
    input.write(0, jpeg, 0, length);
    NativeLong size = new NativeLong(length);
    if (TurboJpegLibrary.tjDecompressHeader3(
        state.transformer, input, size, widthOut, heightOut, subsampOut, colorspaceOut) != 0) {
      throw refuse("bad JPEG header: ", true);
    }
    int colorspace = colorspaceOut.getInt(0);
    if (colorspace != TJCS_YCBCR && colorspace != TJCS_GRAY) {
      return null;
    }
    // With NOREALLOC TurboJPEG takes the buffer to be tjBufSize() of the source's size and subsampling.
    Pointer out = outputBuffer(checked.width(), checked.height(), subsampOut.getInt(0));
    outBufSlot.setPointer(0, out);
    outSizeSlot.setNativeLong(0, new NativeLong(state.outputCapacity));
    state.transformSpec.clear();
    state.transformSpec.setInt(TRANSFORM_OPTIONS_OFFSET,
        (colorspace == TJCS_GRAY ? 0 : TJXOPT_GRAY) | TJXOPT_COPYNONE);
    // The coefficients are entropy-decoded on the way: corrupt data warns, and STOPONWARNING refuses it.
    if (TurboJpegLibrary.tjTransform(state.transformer, input, size, 1, outBufSlot, outSizeSlot,
        state.transformSpec, TJFLAG_NOREALLOC | TJFLAG_STOPONWARNING) != 0) {
      throw refuse("corrupt JPEG: ", true);
    }
    return out.getByteArray(0, Math.toIntExact(outSizeSlot.getNativeLong(0).longValue()));
  }

  @Override
  public byte[] encode(Mat image, int quality) {
    ensureOpen();
    Objects.requireNonNull(image, "image");
    int pixelFormat;
    int subsamp;
    if (image.type() == CvType.CV_8UC3) {
      pixelFormat = TJPF_BGR;
      subsamp = TJSAMP_420;
    } else if (image.type() == CvType.CV_8UC1) {
      pixelFormat = TJPF_GRAY;
      subsamp = TJSAMP_GRAY;
    } else {
      throw new IllegalArgumentException(
          "can only encode CV_8UC3 or CV_8UC1, not " + CvType.typeToString(image.type()));
    }
    if (image.empty()) {
      throw new IllegalArgumentException("cannot encode an empty image");
    }
    int width = image.cols();
    int height = image.rows();
    Pointer out = outputBuffer(width, height, subsamp);
    outBufSlot.setPointer(0, out);
    outSizeSlot.setNativeLong(0, new NativeLong(state.outputCapacity));

    // The row step as pitch lets a submatrix be encoded without copying it first.
    int pitch = (int) image.step1(0);
    int q = Math.max(1, Math.min(100, quality));
    // NOREALLOC: the buffer is tjBufSize() (worst case) big, so TurboJPEG never swaps it.
    if (TurboJpegLibrary.tjCompress2(state.compressor, new Pointer(image.dataAddr()),
        width, pitch, height, pixelFormat, outBufSlot, outSizeSlot, subsamp, q,
        TJFLAG_NOREALLOC) != 0) {
      throw new IllegalStateException(
          "TurboJPEG encode failed: " + TurboJpegLibrary.tjGetErrorStr2(state.compressor));
    }
    long size = outSizeSlot.getNativeLong(0).longValue();
    return out.getByteArray(0, Math.toIntExact(size));
  }

  /** Frees the TurboJPEG handles and buffers. Idempotent. */
  @Override
  public void close() {
    cleanable.clean();
  }

  private void ensureOpen() {
    if (state.closed) {
      throw new IllegalStateException("TurboJpegCodec is closed");
    }
  }

  /** The output buffer, grown to TurboJPEG's worst-case size for this image. */
  private Pointer outputBuffer(int width, int height, int subsamp) {
    return state.output(TurboJpegLibrary.tjBufSize(width, height, subsamp).longValue());
  }
}
