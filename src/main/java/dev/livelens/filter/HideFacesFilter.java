package dev.livelens.filter;

import dev.livelens.vision.BlazeFaceDetector;
import dev.livelens.vision.FaceDetector;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every face found by BlazeFace, its box grown by a margin, mosaicked ({@code pixelate-faces}) or blurred
 * ({@code blur-faces}). It fails closed: the boxes of the stream's last frames ({@link FaceHistory}) stay
 * hidden for a few frames, so a face the detector misses for a frame is still hidden; and when detection
 * fails on a frame, the last boxes are hidden with a larger margin, or, with none recent, the whole frame.
 */
public final class HideFacesFilter implements Filter {

  public static final FilterSpec PIXELATE = spec("pixelate-faces", "Faces pixelated (BlazeFace; fails closed)");
  public static final FilterSpec BLUR = spec("blur-faces", "Faces blurred (BlazeFace; fails closed)");
  /** Frames for which the boxes of an earlier frame are still hidden. */
  static final int HOLD_FRAMES = 3;
  private static final double FAILED_EXTRA_MARGIN = 0.5;
  private static final Logger LOG = LoggerFactory.getLogger(HideFacesFilter.class);

  private final FilterSpec spec;
  private final FaceDetector detector;
  private final RegionHiding hiding = new RegionHiding();

  private static FilterSpec spec(String name, String description) {
    return new FilterSpec(name, description, List.of(
        ParamSpec.integer("strength", 8, 2, 32,
            "Blocks (or blur) across a face: more hides more; lower values keep a face's shape only"),
        ParamSpec.number("margin", 0.25, 0, 1, 0.05, "How much each face's box grows on every side, as a share of it"),
        ParamSpec.number("minScore", 0.6, 0.3, 0.95, 0.05,
            "Confidence a face needs to be hidden: lower hides more, including things that are not faces"),
        ParamSpec.bool("smallFaces", true,
            "Also look for faces further from the camera (five passes of the detector instead of one)")),
        FaceHistory::new);
  }

  public static HideFacesFilter pixelate() {
    return new HideFacesFilter(PIXELATE, new BlazeFaceDetector());
  }

  public static HideFacesFilter blur() {
    return new HideFacesFilter(BLUR, new BlazeFaceDetector());
  }

  HideFacesFilter(FilterSpec spec, FaceDetector detector) {
    this.spec = spec;
    this.detector = detector;
  }

  @Override
  public FilterSpec spec() {
    return spec;
  }

  @Override
  public Mat apply(Mat frame, JsonObject params, JsonObject state, JsonObject report) {
    double margin = params.getDouble("margin");
    boolean pixelate = spec == PIXELATE;
    int strength = params.getInteger("strength");
    List<Rect> recent = state.getLong(FaceHistory.AGE, Long.MAX_VALUE) <= HOLD_FRAMES
        ? FaceBoxes.fromJson(state.getJsonArray(FaceHistory.BOXES, new JsonArray()))
        : List.of();
    List<Rect> found;
    try {
      found = params.getBoolean("smallFaces")
          ? detector.detectIncludingSmall(frame, params.getDouble("minScore"))
          : detector.detect(frame, params.getDouble("minScore"));
    } catch (RuntimeException e) {
      LOG.warn("face detection failed, hiding {}: {}", recent.isEmpty() ? "the whole frame" : "the last faces",
          e.toString());
      report.put("type", "faces").put("faces", new JsonArray()).put(FaceHistory.FAILED, true);
      if (recent.isEmpty()) {
        // Nothing known to hide, yet the frame may hold a face: all of it goes.
        hiding.hide(frame, new Rect(0, 0, frame.cols(), frame.rows()), strength, pixelate);
      } else {
        for (Rect box : recent) {
          hiding.hide(frame, BoxSmoothing.grown(box, margin + FAILED_EXTRA_MARGIN, frame.cols(), frame.rows()),
              strength, pixelate);
        }
      }
      return frame;
    }
    report.put("type", "faces").put("faces", FaceBoxes.toJson(found));
    List<Rect> hidden = new ArrayList<>(found);
    hidden.addAll(recent);
    for (Rect box : hidden) {
      hiding.hide(frame, BoxSmoothing.grown(box, margin, frame.cols(), frame.rows()), strength, pixelate);
    }
    return frame;
  }

  @Override
  public void close() {
    detector.close();
    hiding.close();
  }
}
