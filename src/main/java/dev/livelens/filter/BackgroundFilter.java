package dev.livelens.filter;

import dev.livelens.vision.SelfieSegmenter;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The person kept, the background blurred ({@code blur-background}) or replaced by a colour
 * ({@code replace-background}) by the stream's uploaded picture ({@link Backdrop}) or a colour, by selfie segmentation on every frame. The mask is scaled up smoothly and
 * feathered, so the edge fades over a few pixels instead of cutting; the person's pixels are left as they were.
 */
public final class BackgroundFilter implements Filter {

  private static final ParamSpec FEATHER = ParamSpec.integer("feather", 9, 1, 41,
      "Width in pixels of the soft edge between the person and the background");
  private static final ParamSpec STEADINESS = ParamSpec.number("steadiness", 0.4, 0, 0.8, 0.1,
      "How much of the previous frames' outline each frame keeps: more is steadier, less follows faster");
  private static final int COARSE = 32;

  public static final FilterSpec BLUR = new FilterSpec("blur-background",
      "Background blurred behind the person (selfie segmentation)", List.of(
          ParamSpec.integer("strength", 12, 2, 40, "How strongly the background is blurred"), FEATHER, STEADINESS),
      MaskHistory::new);

  public static final FilterSpec REPLACE = new FilterSpec("replace-background",
      "Background replaced by an uploaded picture, or a colour, behind the person (selfie segmentation)",
      List.of(
          ParamSpec.bool(UploadedBackground.USE, true,
              "Show the uploaded background picture (the stream's, or the one sent with a library job) when there is one; "
                  + "off: always the colour"),
          ParamSpec.integer("red", 0, 0, 255, "Red of the background colour"),
          ParamSpec.integer("green", 160, 0, 255, "Green of the background colour"),
          ParamSpec.integer("blue", 80, 0, 255, "Blue of the background colour"), FEATHER, STEADINESS),
      MaskHistory::new);

  private final FilterSpec spec;
  private final SelfieSegmenter segmenter;
  private final Mat mask = new Mat();
  private final Mat weights = new Mat();
  private final Mat inverse = new Mat();
  private final Mat small = new Mat();
  private final Mat background = new Mat();
  private final Mat output = new Mat();
  private final Mat coarse = new Mat();
  private final Mat earlier = new Mat();
  private final Backdrop backdrop = new Backdrop();

  public BackgroundFilter(FilterSpec spec) {
    this.spec = spec;
    this.segmenter = new SelfieSegmenter();
  }

  public static BackgroundFilter blur() {
    return new BackgroundFilter(BLUR);
  }

  public static BackgroundFilter replace() {
    return new BackgroundFilter(REPLACE);
  }

  @Override
  public FilterSpec spec() {
    return spec;
  }

  @Override
  public Mat apply(Mat frame, JsonObject params, JsonObject state, JsonObject report) {
    segmenter.segment(frame, mask);
    steady(mask, state, params.getDouble("steadiness"), report);
    // Certain person (above 0.7) is kept exactly, certain background (below 0.3) replaced entirely, the
    // doubtful band between fades; then the feather softens the edge at full size.
    mask.convertTo(mask, -1, 2.5, -0.75);
    Imgproc.threshold(mask, mask, 1, 1, Imgproc.THRESH_TRUNC);
    Imgproc.threshold(mask, mask, 0, 0, Imgproc.THRESH_TOZERO);
    Imgproc.resize(mask, weights, frame.size(), 0, 0, Imgproc.INTER_LINEAR);
    int feather = params.getInteger("feather") | 1;
    Imgproc.GaussianBlur(weights, weights, new Size(feather, feather), 0);
    weights.convertTo(inverse, -1, -1, 1);
    Imgproc.blendLinear(frame, makeBackground(frame, params), weights, inverse, output);
    return output;
  }

  /** Blends the mask with the stream's previous one and reports a coarse copy of the result for the next. */
  private void steady(Mat mask, JsonObject state, double steadiness, JsonObject report) {
    if (state.getValue(MaskHistory.MASK) instanceof String previous && steadiness > 0) {
      byte[] bytes = Base64.getDecoder().decode(previous);
      if (bytes.length == COARSE * COARSE) {
        coarse.create(COARSE, COARSE, CvType.CV_8U);
        coarse.put(0, 0, bytes);
        coarse.convertTo(earlier, CvType.CV_32F, 1 / 255.0);
        Imgproc.resize(earlier, earlier, mask.size(), 0, 0, Imgproc.INTER_LINEAR);
        Core.addWeighted(mask, 1 - steadiness, earlier, steadiness, 0, mask);
      }
    }
    Imgproc.resize(mask, earlier, new Size(COARSE, COARSE), 0, 0, Imgproc.INTER_AREA);
    earlier.convertTo(coarse, CvType.CV_8U, 255);
    byte[] bytes = new byte[COARSE * COARSE];
    coarse.get(0, 0, bytes);
    report.put(MaskHistory.MASK, Base64.getEncoder().encodeToString(bytes));
  }

  private Mat makeBackground(Mat frame, JsonObject params) {
    if (spec == REPLACE) {
      Mat picture = params.containsKey(UploadedBackground.KEY)
          ? backdrop.cover(params.getBuffer(UploadedBackground.KEY), frame.size())
          : null;
      if (picture != null && picture.type() == frame.type()) {
        return picture;
      }
      background.create(frame.size(), frame.type());
      background.setTo(new Scalar(params.getInteger("blue"), params.getInteger("green"), params.getInteger("red")));
      return background;
    }
    // Blurring a quarter-size copy and scaling it back costs a sixteenth of blurring the frame.
    int strength = params.getInteger("strength");
    Imgproc.resize(frame, small, new Size(frame.cols() / 4.0, frame.rows() / 4.0), 0, 0, Imgproc.INTER_AREA);
    int kernel = (strength / 2) * 2 + 1;
    Imgproc.GaussianBlur(small, small, new Size(kernel, kernel), 0);
    Imgproc.resize(small, background, frame.size(), 0, 0, Imgproc.INTER_LINEAR);
    return background;
  }

  @Override
  public void close() {
    segmenter.close();
    backdrop.close();
    mask.release();
    weights.release();
    inverse.release();
    small.release();
    background.release();
    output.release();
    coarse.release();
    earlier.release();
  }
}
