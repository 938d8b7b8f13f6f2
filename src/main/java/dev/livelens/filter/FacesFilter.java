package dev.livelens.filter;

import dev.livelens.vision.CascadeFiles;
import dev.livelens.vision.NativeObjects;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.MatOfRect;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;

/**
 * Frontal faces, boxed on the frame. Detection runs on a downscaled grey copy, which is what makes
 * it real-time; between detections the stream's last boxes, carried with the frame by
 * {@link FaceTracking}, are drawn again. Every frame reports its boxes to the client.
 */
public final class FacesFilter implements Filter {

  static final String CASCADE = "lbpcascade_frontalface_improved.xml";

  static final FilterSpec SPEC = new FilterSpec("faces", "Frontal face detection (boxes drawn and sent as JSON)",
      List.of(
          ParamSpec.integer("detectWidth", 440, 120, 1280,
              "Width the frame is scaled to for detection: smaller is faster, larger finds smaller faces"),
          ParamSpec.number("scaleFactor", 1.25, 1.05, 1.5, 0.05,
              "Step between the face sizes tried: larger is faster but may miss faces between two sizes"),
          ParamSpec.integer("minNeighbors", 3, 1, 20,
              "Overlapping hits a face needs: higher means fewer false faces"),
          ParamSpec.integer("detectEvery", 2, 1, 10,
              "Run detection on every n-th frame and carry the boxes in between")),
      FaceTracking::new);

  private static final Scalar BOX_COLOUR = new Scalar(0, 255, 0);
  private static final double MIN_FACE_FRACTION = 0.08;

  private final CascadeClassifier classifier;
  private final Mat gray = new Mat();
  private final Mat small = new Mat();
  private final MatOfRect found = new MatOfRect();

  public FacesFilter() {
    this(CASCADE);
  }

  /** With another of the cascades in the jar's /cascades/, to measure them against each other. */
  public FacesFilter(String cascade) {
    classifier = new CascadeClassifier(CascadeFiles.path(cascade).toString());
    if (classifier.empty()) {
      throw new IllegalStateException("OpenCV could not load the face cascade " + cascade);
    }
  }

  @Override
  public FilterSpec spec() {
    return SPEC;
  }

  @Override
  public Mat apply(Mat frame, JsonObject params, JsonObject state, JsonObject report) {
    List<Rect> faces = new ArrayList<>();
    if (state.getBoolean(FaceTracking.DETECT, true)) {
      detect(frame, params, faces);
    } else {
      faces.addAll(FaceBoxes.fromJson(state.getJsonArray(FaceTracking.BOXES, new JsonArray())));
    }
    report.put("type", "faces").put("faces", FaceBoxes.toJson(faces));
    for (Rect face : faces) {
      Imgproc.rectangle(frame, new Point(face.x, face.y), new Point(face.x + face.width, face.y + face.height),
          BOX_COLOUR, 2);
    }
    return frame;
  }

  private void detect(Mat frame, JsonObject params, List<Rect> faces) {
    double scale = Math.min(1.0, params.getInteger("detectWidth") / (double) frame.cols());
    Imgproc.cvtColor(frame, gray, Imgproc.COLOR_BGR2GRAY);
    Imgproc.resize(gray, small, new Size(Math.round(frame.cols() * scale), Math.round(frame.rows() * scale)),
        0, 0, Imgproc.INTER_AREA);
    Imgproc.equalizeHist(small, small);
    int minSide = (int) Math.max(16, Math.min(small.cols(), small.rows()) * MIN_FACE_FRACTION);
    classifier.detectMultiScale(small, found, params.getDouble("scaleFactor"), params.getInteger("minNeighbors"), 0,
        new Size(minSide, minSide), new Size());
    for (Rect r : found.toArray()) {
      faces.add(new Rect((int) Math.round(r.x / scale), (int) Math.round(r.y / scale),
          (int) Math.round(r.width / scale), (int) Math.round(r.height / scale)));
    }
  }

  @Override
  public void close() {
    NativeObjects.delete(classifier);
    gray.release();
    small.release();
    found.release();
  }
}
