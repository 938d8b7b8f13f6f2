package dev.livelens.testing;

import dev.livelens.library.Library;
import dev.livelens.library.Video;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Short test videos made with Debian's ffmpeg, and a way to put one into a server's library. */
public final class TestVideos {

  private TestVideos() {
  }

  /**
   * An H.264 + AAC MP4 of {@code seconds}, 320x240 at 25 fps, a keyframe every second, its index at the
   * front (so it can be read over plain http without seeking).
   */
  public static Path make(Path dir, String name, int seconds) {
    Path file = dir.resolve(name);
    Ffprobe.run(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", String.valueOf(seconds),
        "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac",
        "-movflags", "+faststart", file.toString()));
    return file;
  }

  /** An H.264 MP4 of {@code seconds} without any audio track. */
  public static Path silent(Path dir, String name, int seconds) {
    Path file = dir.resolve(name);
    Ffprobe.run(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10",
        "-t", String.valueOf(seconds), "-an", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
        file.toString()));
    return file;
  }

  /**
   * Puts {@code file} into the server's library as an upload would, and waits until it is packaged; nobody
   * owns it (like a video made before owners): anyone with its id may watch it, only admins change it.
   */
  public static Video add(TestServer server, Path file, String title) {
    return add(server, file, title, null);
  }

  /** The same, owned by {@code ownerId} (private, as every new video). */
  public static Video add(TestServer server, Path file, String title, Long ownerId) {
    Library library = server.server.library().orElseThrow();
    Video video = library.create(title, "upload", null, ownerId).await();
    try {
      Path original = library.store().original(video.id(), "mp4");
      Files.copy(file, original);
      return library.finish(video.id(), original, null, fraction -> { }).await();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes a video public (listed, found by search), as its owner would on its page. */
  public static String publish(TestServer server, String videoId) {
    server.server.library().orElseThrow().videos().changeVisibility(videoId, Video.PUBLIC).await();
    return videoId;
  }
}
