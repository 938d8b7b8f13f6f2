package dev.livelens.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.media.MediaException;
import dev.livelens.media.Probe;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What packaging does with what ffprobe reports, for files too rare or too big to make in a test. */
class SourcePlanTest {

  @Test
  void av1IsRefusedWithTheReasonAndWhatToDo() {
    MediaException refused = assertThrows(MediaException.class,
        () -> SourcePlan.of(Probe.of(probe(video("av1", "yuv420p", 0)))));
    assertTrue(refused.getMessage().startsWith("AV1 video cannot be decoded here"), refused.getMessage());
    assertTrue(refused.getMessage().contains("export it as H.264"), refused.getMessage());
  }

  @Test
  void tenBitH264IsTranscodedAndEightBitCopied() {
    assertFalse(SourcePlan.of(Probe.of(probe(video("h264", "yuv420p10le", 0)))).copyVideo());
    assertTrue(SourcePlan.of(Probe.of(probe(video("h264", "yuv420p", 0)))).copyVideo());
  }

  @Test
  void aCoverPictureBeforeTheVideoIsNotTakenForIt() {
    JsonObject cover = video("mjpeg", "yuvj420p", 0).put("disposition", new JsonObject().put("attached_pic", 1));
    Probe input = Probe.of(probe(cover, video("hevc", "yuv420p", 1)));
    assertEquals("hevc", input.codec());
    assertTrue(SourcePlan.of(input).mp4Args(Path.of("in.mov"), Path.of("out.mp4"), 48).contains("0:1"));
  }

  @Test
  void theDefaultAudioStreamIsKeptElseTheFirst() {
    JsonObject first = audio("aac", 1, 0);
    JsonObject marked = audio("opus", 2, 1);
    Probe input = Probe.of(probe(video("h264", "yuv420p", 0), first, marked));
    assertEquals(2, input.audioIndex());
    assertFalse(SourcePlan.of(input).copyAudio(), "Opus becomes AAC");
    assertEquals(1, Probe.of(probe(video("h264", "yuv420p", 0), audio("aac", 1, 0), audio("aac", 2, 0)))
        .audioIndex());
  }

  @Test
  void aFileShorterThanItsHeaderSaysEndsEarly() {
    SourcePlan plan = SourcePlan.of(Probe.of(probe(video("h264", "yuv420p", 0))));
    MediaException early = assertThrows(MediaException.class, () -> plan.checkLength(12.4));
    assertEquals("the file ends early, at 12.4 s of 60.0 s: upload it again", early.getMessage());
    plan.checkLength(59.9);
  }

  private static JsonObject probe(JsonObject... streams) {
    return new JsonObject().put("streams", new JsonArray(java.util.List.of((Object[]) streams)))
        .put("format", new JsonObject().put("format_name", "mov,mp4,m4a,3gp,3g2,mj2").put("duration", "60.000000"));
  }

  private static JsonObject video(String codec, String pixels, int index) {
    return new JsonObject().put("index", index).put("codec_type", "video").put("codec_name", codec)
        .put("pix_fmt", pixels).put("width", 1280).put("height", 720);
  }

  private static JsonObject audio(String codec, int index, int isDefault) {
    return new JsonObject().put("index", index).put("codec_type", "audio").put("codec_name", codec)
        .put("disposition", new JsonObject().put("default", isDefault));
  }
}
