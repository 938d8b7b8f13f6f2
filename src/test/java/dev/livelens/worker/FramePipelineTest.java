package dev.livelens.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.filter.FilterCatalog;
import dev.livelens.metrics.ProcessMemoryMetrics;
import dev.livelens.testing.TestImages;
import dev.livelens.vision.JpegCodecs;
import dev.livelens.vision.OpenCvJpegCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The per-frame work of a worker, without the server around it. */
class FramePipelineTest {

  private static final byte[] FRAME = TestImages.faceFrame();

  @ParameterizedTest
  @ValueSource(strings = {"none", "gray", "edges", "faces", "pixelate-faces", "blur-faces", "blur-background",
      "replace-background"})
  void hundredsOfFramesLeaveResidentMemoryFlat(String filter) {
    FilterCatalog catalog = FilterCatalog.standard();
    JsonObject params = catalog.spec(filter).orElseThrow().resolve(new JsonObject());
    try (FramePipeline pipeline = new FramePipeline(catalog.createAll(), JpegCodecs.best().get(), 80)) {
      int frames = filter.contains("background") ? 120 : filter.contains("faces") ? 200 : 600;
      for (int i = 0; i < 50; i++) {
        pipeline.process(FRAME, FRAME.length, filter, params, new JsonObject()); // warm up: Mats reach their size
      }
      System.gc();
      double before = ProcessMemoryMetrics.residentBytes();
      for (int i = 0; i < frames; i++) {
        pipeline.process(FRAME, FRAME.length, filter, params, new JsonObject());
      }
      System.gc();
      double grownMiB = (ProcessMemoryMetrics.residentBytes() - before) / (1024 * 1024);
      // One leaked 640x480 BGR Mat per frame would add 0.9 MiB a frame: 180 MiB or more here.
      assertTrue(grownMiB < 48, filter + ": resident memory grew " + grownMiB + " MiB over " + frames + " frames");
    }
  }

  @Test
  void framesThatSkipDetectionDrawTheCarriedBoxes() {
    FilterCatalog catalog = FilterCatalog.standard().withHaarFaces();
    JsonObject params = catalog.spec("faces").orElseThrow().resolve(new JsonObject());
    JsonArray carried = new JsonArray().add(new JsonObject().put("x", 10).put("y", 20).put("w", 30).put("h", 40));
    try (FramePipeline pipeline = new FramePipeline(catalog.createAll(), JpegCodecs.best().get(), 80)) {
      FramePipeline.Result result = pipeline.process(TestImages.flatFrame(), TestImages.flatFrame().length,
          "faces", params, new JsonObject().put("detect", false).put("boxes", carried));
      assertEquals(carried, result.result().report().getJsonArray("faces"));
      assertEquals(640, result.result().width());
      assertTrue(result.result().filterNanos() > 0, "the filter stage is timed");
    }
  }

  @Test
  void noneAnswersWithTheFrameAsSentAndReencodesOnlyWhenAsked() {
    FilterCatalog catalog = FilterCatalog.standard();
    JsonObject params = catalog.spec("none").orElseThrow().resolve(new JsonObject());
    JsonObject reencode = catalog.spec("none").orElseThrow().resolve(new JsonObject().put("reencode", true));
    try (FramePipeline pipeline = new FramePipeline(catalog.createAll(), JpegCodecs.best().get(), 80)) {
      FramePipeline.Result asSent = pipeline.process(FRAME, FRAME.length, "none", params, new JsonObject());
      assertTrue(asSent.asSent());
      assertEquals(640, asSent.result().width());
      assertEquals(0, asSent.result().decodeNanos() + asSent.result().encodeNanos(), "nothing decoded or encoded");
      FramePipeline.Result encoded = pipeline.process(FRAME, FRAME.length, "none", reencode, new JsonObject());
      assertTrue(!encoded.asSent() && encoded.result().encodeNanos() > 0);
    }
  }

  /** OpenCV's codec cannot transform: `gray` takes the pixel path and still answers grey. */
  @Test
  void grayFallsBackToPixelsWithACodecThatCannotTransform() {
    FilterCatalog catalog = FilterCatalog.standard();
    try (FramePipeline pipeline = new FramePipeline(catalog.createAll(), new OpenCvJpegCodec(), 80)) {
      FramePipeline.Result result = pipeline.process(FRAME, FRAME.length, "gray", new JsonObject(), new JsonObject());
      assertTrue(result.result().decodeNanos() > 0 && result.result().encodeNanos() > 0, "the pixel path");
      org.opencv.core.Mat grey = TestImages.decode(result.jpeg());
      assertEquals(0, TestImages.maxChannelSpread(grey));
      grey.release();
    }
  }

  /** `faces` works on the JPEG's planes with either codec (TurboJPEG's own, OpenCV's via BGR): same answer. */
  @ParameterizedTest
  @ValueSource(strings = {"turbojpeg", "opencv"})
  void facesAnswersTheFrameWithTheReportedBoxDrawnGreen(String codec) {
    FilterCatalog catalog = FilterCatalog.standard();
    JsonObject params = catalog.spec("faces").orElseThrow().resolve(new JsonObject());
    org.junit.jupiter.api.Assumptions.assumeTrue(!codec.equals("turbojpeg") || JpegCodecs.turboJpegAvailable());
    try (FramePipeline pipeline = new FramePipeline(catalog.createAll(), JpegCodecs.select(codec).get(), 80)) {
      FramePipeline.Result result = pipeline.process(FRAME, FRAME.length, "faces", params, new JsonObject());
      assertEquals(640, result.result().width());
      assertEquals(480, result.result().height());
      JsonArray faces = result.result().report().getJsonArray("faces");
      assertEquals(1, faces.size());
      JsonObject face = faces.getJsonObject(0);
      org.opencv.core.Mat answer = TestImages.decode(result.jpeg());
      assertEquals(new org.opencv.core.Size(640, 480), answer.size());
      double[] top = org.opencv.core.Core.mean(answer.submat(new org.opencv.core.Rect(face.getInteger("x") + 10,
          face.getInteger("y") & ~1, face.getInteger("w") - 20, 1))).val;
      assertTrue(top[1] > 180 && top[0] < 100 && top[2] < 100,
          "the box's top edge is not green: " + java.util.Arrays.toString(top));
      answer.release();
    }
  }
}
