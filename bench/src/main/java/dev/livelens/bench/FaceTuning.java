package dev.livelens.bench;

import dev.livelens.filter.FacesFilter;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.filter.FilterSpec;
import dev.livelens.vision.JpegCodec;
import dev.livelens.vision.JpegCodecs;
import dev.livelens.vision.OpenCvNatives;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Picks the face detector's settings by measurement: for each cascade and setting, the CPU time of one
 * detection (thread CPU time, so other work on the machine does not count), the share of the benchmark's
 * face frames where the face is found where it is (also with the frames shrunk so the face is about
 * 80 px wide), and the share of frames from photos without a face where a face is reported anyway.
 */
final class FaceTuning {

  static final List<String> CASCADES = List.of("haarcascade_frontalface_default.xml",
      "haarcascade_frontalface_alt2.xml", "lbpcascade_frontalface_improved.xml");
  /** The face in faces/astronaut.png (512x512), as haarcascade_frontalface_default finds it at full size. */
  static final Rect ASTRONAUT_FACE = new Rect(177, 67, 93, 93);
  private static final Size ASTRONAUT_SIZE = new Size(512, 512);

  record Setting(String cascade, int detectWidth, double scaleFactor, int minNeighbors) {
  }

  record Outcome(Setting setting, double cpuMs, double foundShare, double smallFoundShare, long misplaced,
      double noFaceShare) {
  }

  /** The small-face set: each face frame shrunk to this size and centred on grey, so faces are about 80 px. */
  private static final double SMALL = 0.7;

  private final List<Mat> faceFrames = new ArrayList<>();
  private final List<Rect> faceBoxes = new ArrayList<>();
  private final List<Mat> smallFaceFrames = new ArrayList<>();
  private final List<Rect> smallFaceBoxes = new ArrayList<>();
  private final List<Mat> noFaceFrames = new ArrayList<>();

  FaceTuning(Path framesDir, Path noFaceDir) throws IOException {
    OpenCvNatives.load();
    FrameSet frames = FrameSet.load(framesDir);
    try (JpegCodec codec = JpegCodecs.best().get()) {
      for (int i = 0; i < frames.size(); i++) {
        Mat frame = new Mat();
        byte[] jpeg = frames.get(i);
        codec.decode(jpeg, jpeg.length, frame);
        faceFrames.add(frame);
        Rect box = FrameSetMaker.place(ASTRONAUT_FACE, ASTRONAUT_SIZE, i, frames.size());
        faceBoxes.add(box);
        Mat small = new Mat(frame.size(), frame.type(), new Scalar(96, 96, 96));
        int left = (int) Math.round(frame.cols() * (1 - SMALL) / 2);
        int top = (int) Math.round(frame.rows() * (1 - SMALL) / 2);
        Mat inset = small.submat(new Rect(left, top, (int) Math.round(frame.cols() * SMALL),
            (int) Math.round(frame.rows() * SMALL)));
        Imgproc.resize(frame, inset, inset.size(), 0, 0, Imgproc.INTER_AREA);
        inset.release();
        smallFaceFrames.add(small);
        smallFaceBoxes.add(new Rect((int) Math.round(left + box.x * SMALL), (int) Math.round(top + box.y * SMALL),
            (int) Math.round(box.width * SMALL), (int) Math.round(box.height * SMALL)));
      }
    }
    try (Stream<Path> files = Files.list(noFaceDir)) {
      for (Path png : files.filter(p -> p.toString().endsWith(".png")).sorted().toList()) {
        Mat photo = Imgcodecs.imread(png.toString(), Imgcodecs.IMREAD_COLOR);
        for (int i = 0; i < frames.size(); i++) {
          Mat frame = new Mat();
          FrameSetMaker.frame(photo, i, frames.size(), frame);
          noFaceFrames.add(frame);
        }
        photo.release();
      }
    }
  }

  List<Outcome> measure(List<Setting> settings, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (Setting setting : settings) {
        futures.add(pool.submit(() -> measure(setting)));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> future : futures) {
        outcomes.add(future.get());
      }
      return outcomes;
    } finally {
      pool.shutdown();
    }
  }

  private Outcome measure(Setting setting) {
    FilterSpec spec = FilterCatalog.standard().spec("faces").orElseThrow();
    JsonObject params = spec.resolve(new JsonObject().put("detectWidth", setting.detectWidth())
        .put("scaleFactor", setting.scaleFactor()).put("minNeighbors", setting.minNeighbors()));
    ThreadMXBean times = ManagementFactory.getThreadMXBean();
    Mat work = new Mat();
    long cpu = 0;
    int found = 0;
    int smallFound = 0;
    long[] misplaced = new long[1];
    int noFaceHits = 0;
    try (FacesFilter filter = new FacesFilter(setting.cascade())) {
      for (int i = 0; i < faceFrames.size(); i++) {
        List<Rect> faces = new ArrayList<>();
        faceFrames.get(i).copyTo(work);
        long start = times.getCurrentThreadCpuTime();
        detect(filter, work, params, faces);
        cpu += times.getCurrentThreadCpuTime() - start;
        found += hits(faces, faceBoxes.get(i), misplaced) ? 1 : 0;
        faces.clear();
        smallFaceFrames.get(i).copyTo(work);
        detect(filter, work, params, faces);
        smallFound += hits(faces, smallFaceBoxes.get(i), misplaced) ? 1 : 0;
      }
      for (Mat frame : noFaceFrames) {
        List<Rect> faces = new ArrayList<>();
        frame.copyTo(work);
        detect(filter, work, params, faces);
        noFaceHits += faces.isEmpty() ? 0 : 1;
      }
    } finally {
      work.release();
    }
    return new Outcome(setting, cpu / 1e6 / faceFrames.size(), (double) found / faceFrames.size(),
        (double) smallFound / faceFrames.size(), misplaced[0], (double) noFaceHits / noFaceFrames.size());
  }

  /** One detection through the filter's own entry point (a state asking to detect), its boxes read back. */
  private static void detect(FacesFilter filter, Mat frame, JsonObject params, List<Rect> faces) {
    JsonObject report = new JsonObject();
    filter.apply(frame, params, new JsonObject(), report);
    for (Object box : report.getJsonArray("faces")) {
      JsonObject b = (JsonObject) box;
      faces.add(new Rect(b.getInteger("x"), b.getInteger("y"), b.getInteger("w"), b.getInteger("h")));
    }
  }

  /** Whether one of the boxes is on the face; the others are counted as misplaced. */
  private static boolean hits(List<Rect> faces, Rect expected, long[] misplaced) {
    boolean hit = false;
    for (Rect face : faces) {
      if (overlap(face, expected) >= 0.4) {
        hit = true;
      } else {
        misplaced[0]++;
      }
    }
    return hit;
  }

  /** Intersection over union of two boxes. */
  static double overlap(Rect a, Rect b) {
    int x1 = Math.max(a.x, b.x);
    int y1 = Math.max(a.y, b.y);
    int x2 = Math.min(a.x + a.width, b.x + b.width);
    int y2 = Math.min(a.y + a.height, b.y + b.height);
    double inter = Math.max(0, x2 - x1) * (double) Math.max(0, y2 - y1);
    return inter / (a.area() + b.area() - inter);
  }

  static String table(List<Outcome> outcomes) {
    StringBuilder out = new StringBuilder();
    out.append("| cascade | detect width | scale factor | min neighbours | CPU ms a detection | face found "
        + "| small face found | boxes off the face | no-face frames with a face |\n"
        + "|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (Outcome o : outcomes) {
      Setting s = o.setting();
      out.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %d | %.2f | %.1f%% | %.1f%% | %d | %.1f%% |%n",
          s.cascade().replace(".xml", ""), s.detectWidth(), s.scaleFactor(), s.minNeighbors(), o.cpuMs(),
          100 * o.foundShare(), 100 * o.smallFoundShare(), o.misplaced(), 100 * o.noFaceShare()));
    }
    return out.toString();
  }
}
