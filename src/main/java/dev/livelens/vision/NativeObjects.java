package dev.livelens.vision;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.opencv.core.Mat;
import org.opencv.dnn.Net;
import org.opencv.objdetect.CascadeClassifier;

/**
 * Frees OpenCV objects whose Java binding only frees them in {@code finalize()}: a Mat's header (which
 * {@code release()} leaves behind) and a CascadeClassifier. Each is deleted now through the binding's own
 * native delete, and its handle set to 0 so the finalizer later deletes nothing (C++ {@code delete} of a
 * null pointer does nothing). Without this, a Mat made per frame leaves one header per frame to the
 * finalizer queue, which under load falls behind the frames.
 */
public final class NativeObjects {

  private static final Handle MAT = new Handle(Mat.class, "n_delete");
  private static final Handle CASCADE = new Handle(CascadeClassifier.class, "delete");
  private static final Handle NET = new Handle(Net.class, "delete");

  private NativeObjects() {
  }

  /** Deletes the Mat, its pixels with it (its destructor releases them); it must not be used afterwards. */
  public static void delete(Mat mat) {
    MAT.delete(mat);
  }

  /** Deletes the classifier and its cascade; it must not be used afterwards. */
  public static void delete(CascadeClassifier classifier) {
    CASCADE.delete(classifier);
  }

  /** Deletes a DNN network and its weights; it must not be used afterwards. */
  public static void delete(Net net) {
    NET.delete(net);
  }

  /** The native delete of one binding class and the field holding an instance's handle. */
  private static final class Handle {
    private final Method delete;
    private final Field nativeObj;

    Handle(Class<?> type, String deleteMethod) {
      try {
        delete = type.getDeclaredMethod(deleteMethod, long.class);
        delete.setAccessible(true);
        nativeObj = type.getDeclaredField("nativeObj");
        nativeObj.setAccessible(true);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("this OpenCV binding has no " + type.getSimpleName() + "." + deleteMethod, e);
      }
    }

    synchronized void delete(Object instance) {
      try {
        long handle = nativeObj.getLong(instance);
        if (handle != 0) {
          nativeObj.setLong(instance, 0);
          delete.invoke(null, handle);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("could not delete a native " + instance.getClass().getSimpleName(), e);
      }
    }
  }
}
