package dev.livelens.vision;

import org.opencv.core.Core;

/** Loads OpenCV's native library once per process. */
public final class OpenCvNatives {

  private static volatile boolean loaded;

  private OpenCvNatives() {
  }

  /**
   * Loads the library bundled in the openpnp jar, and keeps OpenCV single-threaded inside each call:
   * the server already runs one worker per core, and nested thread pools would only contend.
   *
   * @throws IllegalStateException with a readable reason when this platform's library cannot load
   */
  public static synchronized void load() {
    if (loaded) {
      return;
    }
    try {
      nu.pattern.OpenCV.loadLocally();
      Core.setNumThreads(1);
      loaded = true;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot load OpenCV's native library for "
          + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + e.getMessage(), e);
    }
  }

  public static String version() {
    load();
    return Core.VERSION;
  }
}
