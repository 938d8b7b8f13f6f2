package dev.livelens.vision;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;

/**
 * JNA direct mapping of the TurboJPEG 2.x C API (libturbojpeg). Direct mapping because
 * it is the cheapest JNA call path; every pointer argument is a {@link Pointer} to
 * memory we own, so no Java arrays are copied in or out per call.
 *
 * <p>The library is registered lazily by {@link #load()}, never from a static
 * initialiser, so a missing library is an ordinary, catchable error.
 */
final class TurboJpegLibrary {

  static final int TJPF_BGR = 1;
  static final int TJPF_GRAY = 6;
  static final int TJSAMP_420 = 2;
  static final int TJSAMP_GRAY = 3;
  static final int TJFLAG_NOREALLOC = 1024;
  /** Abort at the first libjpeg warning (e.g. "premature end of data"): such frames are rejected anyway. */
  static final int TJFLAG_STOPONWARNING = 8192;
  static final int TJCS_YCBCR = 1;
  static final int TJCS_GRAY = 2;
  /** tjtransform.options: keep only the luminance coefficients. */
  static final int TJXOPT_GRAY = 8;
  /** tjtransform.options: copy no APPn or COM markers (camera metadata the reply does not need). */
  static final int TJXOPT_COPYNONE = 64;
  /** sizeof(tjtransform): tjregion (4 ints), op, options, then void *data and a function pointer. */
  static final int TRANSFORM_STRUCT_BYTES = 24 + 2 * Native.POINTER_SIZE;
  static final int TRANSFORM_OPTIONS_OFFSET = 20;

  /**
   * Debian's runtime package (libturbojpeg0) ships only libturbojpeg.so.0; the
   * unversioned name exists only with the -dev package, so try both.
   */
  private static final String[] NAMES = {"turbojpeg", "libturbojpeg.so.0"};

  private static String loadedFrom;
  private static LinkageError failure;

  private TurboJpegLibrary() {}

  /**
   * Registers the native methods once; later calls return the cached outcome.
   *
   * @return the file the library was loaded from
   * @throws UnsatisfiedLinkError when no TurboJPEG library could be loaded
   */
  static synchronized String load() {
    if (loadedFrom == null && failure == null) {
      List<Throwable> problems = new ArrayList<>();
      for (String name : NAMES) {
        try {
          NativeLibrary library = NativeLibrary.getInstance(name);
          Native.register(TurboJpegLibrary.class, library);
          loadedFrom = library.getFile() != null ? library.getFile().getPath() : name;
          break;
        } catch (LinkageError | RuntimeException e) {
          problems.add(e);
        }
      }
      if (loadedFrom == null) {
        // JNA's own messages run to many lines (every path tried): keep them as
        // causes for a debug log, and the message short enough for a startup line.
        failure = new UnsatisfiedLinkError(
            "libturbojpeg not loadable (tried " + String.join(", ", NAMES) + ")");
        failure.initCause(problems.get(0));
        problems.stream().skip(1).forEach(failure::addSuppressed);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return loadedFrom;
  }

  static native Pointer tjInitDecompress();

  static native Pointer tjInitCompress();

  static native Pointer tjInitTransform();

  static native int tjDestroy(Pointer handle);

  static native int tjDecompressHeader3(Pointer handle, Pointer jpegBuf, NativeLong jpegSize,
      Pointer width, Pointer height, Pointer jpegSubsamp, Pointer jpegColorspace);

  static native int tjDecompress2(Pointer handle, Pointer jpegBuf, NativeLong jpegSize,
      Pointer dstBuf, int width, int pitch, int height, int pixelFormat, int flags);

  /** The JPEG's own Y, Cb and Cr planes, one after the other; {@code pad} 1 packs their rows. */
  static native int tjDecompressToYUV2(Pointer handle, Pointer jpegBuf, NativeLong jpegSize,
      Pointer dstBuf, int width, int pad, int height, int flags);

  /** {@code jpegBuf} is an {@code unsigned char **}, {@code jpegSize} an {@code unsigned long *}. */
  static native int tjCompressFromYUV(Pointer handle, Pointer srcBuf, int width, int pad, int height,
      int subsamp, Pointer jpegBuf, Pointer jpegSize, int jpegQual, int flags);

  /** {@code jpegBuf} is an {@code unsigned char **}, {@code jpegSize} an {@code unsigned long *}. */
  static native int tjCompress2(Pointer handle, Pointer srcBuf, int width, int pitch, int height,
      int pixelFormat, Pointer jpegBuf, Pointer jpegSize, int jpegSubsamp, int jpegQual, int flags);

  /**
   * {@code dstBufs} is an {@code unsigned char **} and {@code dstSizes} an {@code unsigned long *}, each of
   * {@code n} entries; {@code transforms} points to {@code n} tjtransform structs.
   */
  static native int tjTransform(Pointer handle, Pointer jpegBuf, NativeLong jpegSize, int n,
      Pointer dstBufs, Pointer dstSizes, Pointer transforms, int flags);

  static native NativeLong tjBufSize(int width, int height, int jpegSubsamp);

  static native Pointer tjAlloc(int bytes);

  static native void tjFree(Pointer buffer);

  static native String tjGetErrorStr2(Pointer handle);
}
