package dev.livelens.subtitles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Videos that became ready while no transcript could be made (transcription off, or a stop in the middle
 * of one) get their transcript at the next start; the bundled model is unzipped once into the data
 * directory and found there again.
 */
class SubtitlesRestartTest {

  private Path data;
  private Path files;

  @BeforeEach
  void create() {
    data = TempDirs.create("livelens-subtitles-restart-");
    files = TempDirs.create("livelens-subtitles-restart-files-");
  }

  @AfterEach
  void remove() {
    TempDirs.delete(data);
    TempDirs.delete(files);
  }

  @Test
  void aVideoMadeWithTranscriptsOffIsTranscribedAtTheNextStart() throws Exception {
    String video;
    try (TestServer off = TestServer.start("--data-dir", data.toString(), "--transcribe-threads", "0")) {
      video = TestVideos.publish(off, TestVideos.add(off, SubtitlesApiTest.speech(files), "Made while off").id());
      assertEquals("none", new ApiClient(off.port()).json("/api/videos/" + video + "/transcript")
          .getString("status"), "no transcript while transcripts are off");
    }
    try (TestServer on = TestServer.start("--data-dir", data.toString(), "--transcribe-threads", "1")) {
      ApiClient api = new ApiClient(on.port());
      JsonObject transcript = api.awaitTranscript(video, SubtitlesApiTest.PATIENCE);
      assertEquals("ready", transcript.getString("status"), transcript.encode());
      assertEquals(1, api.json("/api/speech?q=selfish").getJsonArray("hits").size());
    }
    assertTrue(Files.exists(data.resolve("models").resolve(SpeechModel.UNPACKED_NAME).resolve("am/final.mdl")),
        "the model unzipped under the data directory");
  }
}
