package dev.livelens.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Short test media made by Debian's own ffmpeg (package ffmpeg), independent of the server's FFmpeg. */
public final class TestMedia {

  private TestMedia() {
  }

  /**
   * A WebM (VP8 + Opus) of a moving test picture and a tone, written to a pipe as MediaRecorder writes it:
   * without going back to fill in an index.
   */
  public static byte[] webm(int seconds) {
    Path file = TempDirs.create("livelens-webm-").resolve("clip.webm");
    try {
      ffmpeg(List.of("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
          "-t", String.valueOf(seconds), "-c:v", "libvpx", "-b:v", "400k", "-c:a", "libopus", "-f", "webm", "pipe:1"),
          file);
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      TempDirs.delete(file.getParent());
    }
  }

  /** A mono 48 kHz WAV of a tone, for Chromium's fake microphone. */
  public static Path wav(Path target, int seconds) {
    if (!Files.isRegularFile(target)) {
      ffmpeg(List.of("-f", "lavfi", "-i", "sine=frequency=660:sample_rate=48000", "-t", String.valueOf(seconds),
          "-ac", "1", "-f", "wav", "pipe:1"), target);
    }
    return target.toAbsolutePath();
  }

  /**
   * A mono 48 kHz WAV of the test speech (src/test/resources/speech/austen.mp4: real recorded English) for
   * Chromium's fake microphone, which plays it in a loop.
   */
  public static Path speechWav(Path target) {
    if (!Files.isRegularFile(target)) {
      try {
        Path video = Path.of(TestMedia.class.getResource("/speech/austen.mp4").toURI());
        ffmpeg(List.of("-i", video.toString(), "-vn", "-ac", "1", "-ar", "48000", "-f", "wav", "pipe:1"), target);
      } catch (java.net.URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return target.toAbsolutePath();
  }

  private static void ffmpeg(List<String> args, Path output) {
    List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin"));
    command.addAll(args);
    try {
      Files.createDirectories(output.toAbsolutePath().getParent());
      Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (process.waitFor() != 0) {
        throw new IllegalStateException("ffmpeg failed: " + command);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run ffmpeg (apt-get install ffmpeg): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
