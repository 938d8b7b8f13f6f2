package dev.livelens.vision;

import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the JPEG codec: TurboJPEG when libturbojpeg can be loaded (several times faster),
 * otherwise OpenCV's. The library is probed once per JVM; each worker then gets its
 * own codec instance from the returned supplier.
 */
public final class JpegCodecs {

  public static final String AUTO = "auto";
  public static final String TURBOJPEG = "turbojpeg";
  public static final String OPENCV = "opencv";

  private static final Logger LOG = LoggerFactory.getLogger(JpegCodecs.class);

  private static Probe probe;

  private JpegCodecs() {}

  /** The fastest codec available here. */
  public static Supplier<JpegCodec> best() {
    return select(AUTO);
  }

  /** The name of the codec {@link #best()} supplies: "turbojpeg" or "opencv". */
  public static String bestName() {
    return probe().available ? TURBOJPEG : OPENCV;
  }

  /** True when libturbojpeg was found and works. */
  public static boolean turboJpegAvailable() {
    return probe().available;
  }

  /**
   * The codec for a configured preference, logging which one is used and why.
   *
   * @param preference "auto" (or null), "turbojpeg" or "opencv", case-insensitive
   * @throws IllegalStateException when "turbojpeg" is asked for but cannot be loaded
   * @throws IllegalArgumentException for any other preference
   */
  public static Supplier<JpegCodec> select(String preference) {
    String wanted = preference == null ? AUTO : preference.trim().toLowerCase(Locale.ROOT);
    switch (wanted) {
      case AUTO:
        if (probe().available) {
          LOG.info("JPEG codec: turbojpeg (libjpeg-turbo with SIMD, loaded from {})", probe().detail);
          return TurboJpegCodec::new;
        }
        LOG.info("JPEG codec: opencv, because TurboJPEG is unavailable ({}); "
            + "install libturbojpeg0 for several times faster JPEG", probe().detail);
        return OpenCvJpegCodec::new;
      case TURBOJPEG:
        if (!probe().available) {
          throw new IllegalStateException("JPEG codec 'turbojpeg' was requested but TurboJPEG "
              + "cannot be loaded (" + probe().detail + "); install libturbojpeg0 "
              + "or choose 'auto' or 'opencv'");
        }
        LOG.info("JPEG codec: turbojpeg (as configured, loaded from {})", probe().detail);
        return TurboJpegCodec::new;
      case OPENCV:
        LOG.info("JPEG codec: opencv (as configured)");
        return OpenCvJpegCodec::new;
      default:
        throw new IllegalArgumentException("unknown JPEG codec '" + preference
            + "': use auto, turbojpeg or opencv");
    }
  }

  private static synchronized Probe probe() {
    if (probe == null) {
      probe = Probe.run();
    }
    return probe;
  }

  /** Outcome of trying TurboJPEG once: {@code detail} is the library file or the reason it failed. */
  private static final class Probe {
    final boolean available;
    final String detail;

    private Probe(boolean available, String detail) {
      this.available = available;
      this.detail = detail;
    }

    static Probe run() {
      try {
        String file = TurboJpegLibrary.load();
        // Creating (and freeing) the handles proves the symbols resolve and work.
        new TurboJpegCodec().close();
        return new Probe(true, file);
      } catch (LinkageError | Exception e) {
        LOG.debug("TurboJPEG probe failed", e);
        return new Probe(false, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
  }
}
