package dev.livelens.vision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.opencv.core.MatOfByte;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;

/** The DNN models shipped in the jar under {@code /models/} (see its README), read from memory. */
public final class ModelFiles {

  private ModelFiles() {
  }

  /** A fresh network for one worker: OpenCV's Net is not shared between threads. */
  public static Net tflite(String fileName) {
    byte[] bytes;
    try (InputStream in = ModelFiles.class.getResourceAsStream("/models/" + fileName)) {
      if (in == null) {
        throw new IllegalArgumentException("no model named " + fileName + " in the jar");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model " + fileName, e);
    }
    MatOfByte buffer = new MatOfByte(bytes);
    try {
      Net net = readOneAtATime(buffer);
      if (net.empty()) {
        throw new IllegalStateException("OpenCV could not load the model " + fileName);
      }
      net.setPreferableBackend(Dnn.DNN_BACKEND_OPENCV);
      net.setPreferableTarget(Dnn.DNN_TARGET_CPU);
      return net;
    } finally {
      NativeObjects.delete(buffer);
    }
  }

  /**
   * OpenCV 4.9's TFLite importer fills a process-wide table of layer types on first use without a lock:
   * workers starting together crashed the JVM in it (a SIGSEGV in std::map) or lost layers ("CONV_2D not
   * implemented"). Loading is rare (once per worker), so loads take turns; running the nets needs no lock.
   */
  private static synchronized Net readOneAtATime(MatOfByte buffer) {
    return Dnn.readNetFromTFLite(buffer);
  }
}
