package dev.livelens.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's own ffprobe (package ffmpeg), independent of the FFmpeg inside the server, to check what the
 * server made: codec, duration, frames.
 */
public final class Ffprobe {

  private Ffprobe() {
  }

  /** ffprobe's JSON of the file's format and streams, with frames counted. */
  public static JsonObject probe(Path file) {
    return new JsonObject(run(List.of("ffprobe", "-v", "error", "-count_frames", "-print_format", "json",
        "-show_format", "-show_streams", file.toString())));
  }

  /** The first video stream of a probe. */
  public static JsonObject video(JsonObject probe) {
    return probe.getJsonArray("streams").stream().map(JsonObject.class::cast)
        .filter(stream -> "video".equals(stream.getString("codec_type"))).findFirst().orElseThrow();
  }

  public static double durationSeconds(JsonObject probe) {
    return Double.parseDouble(probe.getJsonObject("format").getString("duration"));
  }

  static String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException(command.get(0) + " failed on " + command);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command.get(0) + " (apt-get install ffmpeg): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
