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

  private final TurboJpegState state;
  private final Cleaner.Cleanable cleanable;
  private final TurboJpegSlots slots;

  /**
   * @throws UnsatisfiedLinkError when libturbojpeg cannot be loaded
   * @throws IllegalStateException when TurboJPEG cannot create its handles
   */
  public TurboJpegCodec() {
    TurboJpegLibrary.load();
    state = TurboJpegState.open(TurboJpegSlots.BYTES);
    cleanable = CLEANER.register(this, state);
    slots = new TurboJpegSlots(state.scratch);
  }

  @Override
  public String name() {
    return "turbojpeg";
  }

  @Override
  public Pixels decode(byte[] jpeg, int length, Mat dst, Pixels pixels) {
    ensureOpen();
    // Same checks as the OpenCV codec, so both reject the same frames.
    JpegHeader header = JpegStructure.requireDecodable(jpeg, length);
    Memory input = state.input(length);
    input.write(0, jpeg, 0, length);
    NativeLong size = new NativeLong(length);

    Pointer handle = state.decompressor;
    if (!slots.readHeader(handle, input, size)) {
      throw refuse("bad JPEG header: ");
    }
    int width = slots.width.getInt(0);
    int height = slots.height.getInt(0);
    if (width <= 0 || height <= 0) {
      throw new BadImageException("JPEG contains no image");
    }
    if (width != header.width() || height != header.height()) {
      // The size checked against the limits must be the size decoded.
      throw new BadImageException("JPEG header is ambiguous: " + width + "x" + height + " for libjpeg, "
          + header.width() + "x" + header.height() + " for the server's checks");
    }

    if (pixels == Pixels.I420 && slots.subsamp.getInt(0) == TJSAMP_420 && slots.colorspace.getInt(0) == TJCS_YCBCR
        && YuvPlanes.fits(width, height)) {
      dst.create(height * 3 / 2, width, CvType.CV_8UC1);
      if (dst.isContinuous()) {
        // Pad 1: the planes' rows are packed, one after the other, as YuvPlanes reads them.
        if (TurboJpegLibrary.tjDecompressToYUV2(handle, input, size, new Pointer(dst.dataAddr()), width, 1, height,
            TJFLAG_STOPONWARNING) != 0) {
          throw refuse("corrupt JPEG: ");
        }
        return Pixels.I420;
      }
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
    return gray ? Pixels.GRAY : Pixels.BGR;
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
    state.replace(transformer);
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
    if (!slots.readHeader(state.transformer, input, size)) {
      throw refuse("bad JPEG header: ", true);
    }
    int colorspace = slots.colorspace.getInt(0);
    if (colorspace != TJCS_YCBCR && colorspace != TJCS_GRAY) {
      return null;
    }
    // With NOREALLOC TurboJPEG takes the buffer to be tjBufSize() of the source's size and subsampling.
    Pointer out = outputBuffer(checked.width(), checked.height(), slots.subsamp.getInt(0));
    state.transformSpec.clear();
    state.transformSpec.setInt(TRANSFORM_OPTIONS_OFFSET,
        (colorspace == TJCS_GRAY ? 0 : TJXOPT_GRAY) | TJXOPT_COPYNONE);
    // The coefficients are entropy-decoded on the way: corrupt data warns, and STOPONWARNING refuses it.
    if (TurboJpegLibrary.tjTransform(state.transformer, input, size, 1, slots.outBuf, slots.outSize,
        state.transformSpec, TJFLAG_NOREALLOC | TJFLAG_STOPONWARNING) != 0) {
      throw refuse("corrupt JPEG: ", true);
    }
    return slots.written(out);
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

    // The row step as pitch lets a submatrix be encoded without copying it first.
    int pitch = (int) image.step1(0);
    int q = Math.max(1, Math.min(100, quality));
    // NOREALLOC: the buffer is tjBufSize() (worst case) big, so TurboJPEG never swaps it.
    if (TurboJpegLibrary.tjCompress2(state.compressor, new Pointer(image.dataAddr()),
        width, pitch, height, pixelFormat, slots.outBuf, slots.outSize, subsamp, q,
        TJFLAG_NOREALLOC) != 0) {
      throw new IllegalStateException(
          "TurboJPEG encode failed: " + TurboJpegLibrary.tjGetErrorStr2(state.compressor));
    }
    return slots.written(out);
  }

  /** YCbCr planes as a decode to I420 gave them: no colour conversion, no chroma downsampling. */
  @Override
  public byte[] encode(Mat image, Pixels pixels, int quality) {
    if (pixels != Pixels.I420) {
      return encode(image, quality);
    }
    ensureOpen();
    int width = image.cols();
    int height = YuvPlanes.height(image);
    if (image.type() != CvType.CV_8UC1 || !image.isContinuous() || !YuvPlanes.fits(width, height)) {
      throw new IllegalArgumentException("not YCbCr planes: " + image);
    }
    Pointer out = outputBuffer(width, height, TJSAMP_420);
    if (TurboJpegLibrary.tjCompressFromYUV(state.compressor, new Pointer(image.dataAddr()), width, 1, height,
        TJSAMP_420, slots.outBuf, slots.outSize, Math.max(1, Math.min(100, quality)), TJFLAG_NOREALLOC) != 0) {
      throw new IllegalStateException(
          "TurboJPEG encode failed: " + TurboJpegLibrary.tjGetErrorStr2(state.compressor));
    }
    return slots.written(out);
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

  /** The output buffer, grown to TurboJPEG's worst-case size for this image, set in the out-parameter slots. */
  private Pointer outputBuffer(int width, int height, int subsamp) {
    Pointer out = state.output(TurboJpegLibrary.tjBufSize(width, height, subsamp).longValue());
    slots.output(out, state.outputCapacity);
    return out;
  }
}
