package dev.livelens.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.vision.JpegCodec;
import dev.livelens.vision.JpegCodecs;
import dev.livelens.vision.OpenCvNatives;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * The face filter with its default parameters, on each detector, on short synthetic videos: a photo of a face that pans,
 * zooms, tilts and brightens across 640x480 frames, and photos without a face moving the same way.
 * Every frame is a full detection (no boxes carried), after a JPEG round trip like a camera frame's.
 */
class FaceAccuracyTest {

  private static final int FRAMES = 60;
  /** Where the face is in images/astronaut.png (512x512). */
  private static final Rect ASTRONAUT_FACE = new Rect(177, 67, 93, 93);

  private static JpegCodec codec;

  @BeforeAll
  static void loadOpenCv() {
    OpenCvNatives.load();
    codec = JpegCodecs.best().get();
  }

  /** The {@code faces} filter on the named detector ({@code --face-detector}). */
  private static Filter faces(String detector) {
    return detector.equals("haar") ? new FacesFilter() : new BlazeFacesFilter();
  }

  @AfterAll
  static void closeCodec() {
    codec.close();
  }

  /** One frame through the filter with nothing carried from earlier frames: a full detection. */
  private List<Rect> detect(Filter filter, Mat frame) {
    JsonObject report = new JsonObject();
    filter.apply(frame, filter.spec().resolve(new JsonObject()), new JsonObject(), report);
    return FaceBoxes.fromJson(report.getJsonArray("faces"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"haar", "blazeface"})
  void findsTheFaceInAtLeast95PercentOfFramesOfAVideoWithOne(String detector) throws IOException {
    Mat photo = readImage("astronaut.png");
    int found = 0;
    List<Integer> missed = new ArrayList<>();
    try (Filter filter = faces(detector)) {
      for (int i = 0; i < FRAMES; i++) {
        Mat transform = motion(photo.size(), i);
        Mat frame = cameraFrame(photo, transform, i);
        Rect expected = moved(ASTRONAUT_FACE, transform);
        List<Rect> faces = detect(filter, frame);
        if (faces.stream().anyMatch(face -> overlap(face, expected) >= 0.3)) {
          found++;
        } else {
          missed.add(i);
        }
        frame.release();
        transform.release();
      }
    } finally {
      photo.release();
    }
    assertTrue(found >= 0.95 * FRAMES, detector + ": face found in " + found + " of " + FRAMES + " frames; missed " + missed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"haar", "blazeface"})
  void findsNoFaceInAVideoWithoutOne(String detector) throws IOException {
    List<String> falseFaces = new ArrayList<>();
    try (Filter filter = faces(detector)) {
      for (String name : List.of("chelsea.png", "coffee.png")) {
        Mat photo = readImage(name);
        for (int i = 0; i < FRAMES / 2; i++) {
          Mat transform = motion(photo.size(), i * 2);
          Mat frame = cameraFrame(photo, transform, i * 2);
          List<Rect> faces = detect(filter, frame);
          if (!faces.isEmpty()) {
            falseFaces.add(name + " frame " + i + ": " + faces);
          }
          frame.release();
          transform.release();
        }
        photo.release();
      }
    }
    assertEquals(List.of(), falseFaces);
  }

  /** pixelate-faces over the moving face, with the stream's state carried: no frame shows the face's detail. */
  @Test
  void pixelateFacesHidesTheMovingFaceInEveryFrame() throws IOException {
    Mat photo = readImage("astronaut.png");
    FaceHistory history = new FaceHistory();
    List<String> shown = new ArrayList<>();
    try (HideFacesFilter filter = HideFacesFilter.pixelate()) {
      JsonObject params = filter.spec().resolve(new JsonObject());
      for (int i = 0; i < FRAMES; i++) {
        Mat transform = motion(photo.size(), i);
        Mat frame = cameraFrame(photo, transform, i);
        Rect face = inner(moved(ASTRONAUT_FACE, transform));
        double before = HideFacesTest.sharpness(frame, face);
        JsonObject state = history.next(params);
        JsonObject report = new JsonObject();
        filter.apply(frame, params, state, report);
        history.learn(state, report);
        double after = HideFacesTest.sharpness(frame, face);
        if (after > 0.1 * before) {
          shown.add("frame " + i + ": " + before + " -> " + after);
        }
        frame.release();
        transform.release();
      }
    } finally {
      photo.release();
    }
    assertEquals(List.of(), shown);
  }

  /** The middle of a face box, where eyes, nose and mouth are. */
  private static Rect inner(Rect box) {
    return new Rect(box.x + box.width / 6, box.y + box.height / 6, box.width * 2 / 3, box.height * 2 / 3);
  }

  /** The webcam-sized photo as it is: one face, where the picture has it, and no other. */
  @Test
  void blazeFaceFindsTheOneFaceOfTheWebcamFrame() throws IOException {
    Mat frame = readImage("astronaut-640x480.jpg");
    try (Filter filter = faces("blazeface")) {
      List<Rect> faces = detect(filter, frame);
      assertEquals(1, faces.size(), "faces: " + faces);
      assertTrue(overlap(faces.get(0), new Rect(221, 82, 120, 120)) >= 0.4, "found at " + faces.get(0));
    } finally {
      frame.release();
    }
  }

  /**
   * Frame {@code i}'s placement of the photo: it pans across and back, tilts up to 6 degrees either way
   * and zooms from 0.9 to 1.15 times its size over the clip.
   */
  private static Mat motion(Size photo, int i) {
    double t = i / (double) (FRAMES - 1);
    double angle = 6 * Math.sin(2 * Math.PI * t);
    double scale = 0.9 + 0.25 * t;
    Point photoCentre = new Point(photo.width / 2, photo.height / 2);
    Mat transform = Imgproc.getRotationMatrix2D(photoCentre, angle, scale);
    double centreX = 320 + 110 * Math.sin(2 * Math.PI * t);
    double centreY = 240 + 25 * Math.cos(2 * Math.PI * t);
    transform.put(0, 2, transform.get(0, 2)[0] + centreX - photoCentre.x);
    transform.put(1, 2, transform.get(1, 2)[0] + centreY - photoCentre.y);
    return transform;
  }

  /** The photo moved onto a grey 640x480 frame, lit from dim to bright, then JPEG-encoded and decoded. */
  private static Mat cameraFrame(Mat photo, Mat transform, int i) {
    Mat placed = new Mat();
    Mat lit = new Mat();
    Mat frame = new Mat();
    try {
      Imgproc.warpAffine(photo, placed, transform, new Size(640, 480), Imgproc.INTER_LINEAR,
          Core.BORDER_CONSTANT, new Scalar(96, 96, 96));
      placed.convertTo(lit, -1, 0.75 + 0.5 * i / (FRAMES - 1), 0);
      byte[] jpeg = codec.encode(lit, 80);
      codec.decode(jpeg, jpeg.length, frame);
      return frame;
    } finally {
      placed.release();
      lit.release();
    }
  }

  /** The box around where {@code transform} takes the centre of {@code box}, scaled like the photo. */
  private static Rect moved(Rect box, Mat transform) {
    double a = transform.get(0, 0)[0];
    double b = transform.get(0, 1)[0];
    double scale = Math.hypot(a, b);
    double cx = box.x + box.width / 2.0;
    double cy = box.y + box.height / 2.0;
    double x = a * cx + b * cy + transform.get(0, 2)[0];
    double y = transform.get(1, 0)[0] * cx + transform.get(1, 1)[0] * cy + transform.get(1, 2)[0];
    double w = box.width * scale;
    double h = box.height * scale;
    return new Rect((int) Math.round(x - w / 2), (int) Math.round(y - h / 2), (int) Math.round(w),
        (int) Math.round(h));
  }

  private static double overlap(Rect a, Rect b) {
    double width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
    double height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
    double inter = Math.max(0, width) * Math.max(0, height);
    return inter / (a.area() + b.area() - inter);
  }

  private static Mat readImage(String name) throws IOException {
    try (InputStream in = FaceAccuracyTest.class.getResourceAsStream("/images/" + name)) {
      if (in == null) {
        throw new IOException("no test image " + name);
      }
      MatOfByte bytes = new MatOfByte(in.readAllBytes());
      Mat image = Imgcodecs.imdecode(bytes, Imgcodecs.IMREAD_COLOR);
      bytes.release();
      return image;
    }
  }
}
