package dev.livelens.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Short files of the kinds phones, cameras and editors make, each made by Debian's own ffmpeg (package
 * ffmpeg), independent of the FFmpeg inside the server.
 */
public final class TestFormats {

  private static final List<String> PICTURE = List.of("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25");
  private static final List<String> TONE = List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000");

  private TestFormats() {
  }

  /** H.264 + AAC in MP4, its index (moov) in front, or at the end as a camera writes it. */
  public static Path h264Mp4(Path dir, String name, double seconds, boolean moovInFront) {
    List<String> args = new ArrayList<>(List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
        "-c:a", "aac"));
    if (moovInFront) {
      args.addAll(List.of("-movflags", "+faststart"));
    }
    return make(dir, name, seconds, PICTURE, TONE, args);
  }

  public static Path hevcMp4(Path dir, String name, double seconds) {
    return make(dir, name, seconds, PICTURE, TONE, List.of("-c:v", "libx265", "-preset", "ultrafast",
        "-x265-params", "log-level=error", "-tag:v", "hvc1", "-pix_fmt", "yuv420p", "-c:a", "aac"));
  }

  /**
   * A MOV of a 1280x720 picture whose display matrix turns it 90° (as a phone held upright writes it): shown
   * 720x1280. Debian's ffmpeg 5.1 cannot set the matrix itself, so the track header's matrix is written here.
   */
  public static Path rotatedMov(Path dir, String name, double seconds) {
    Path file = make(dir, name, seconds, List.of("-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30"), TONE,
        List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"));
    try {
      byte[] bytes = Files.readAllBytes(file);
      int tkhd = indexOf(bytes, "tkhd".getBytes(), 0);
      if (tkhd < 0 || bytes[tkhd + 4] != 0) {
        throw new IllegalStateException("no version-0 track header in " + file);
      }
      // After the full-box header: times, track id, reserved, duration (20), reserved, layer, group, volume (16).
      ByteBuffer matrix = ByteBuffer.wrap(bytes, tkhd + 8 + 20 + 16, 36);
      for (int value : new int[] {0, 0x10000, 0, -0x10000, 0, 0, 0, 0, 0x40000000}) {
        matrix.putInt(value);
      }
      Files.write(file, bytes);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path vp9OpusMkv(Path dir, String name, double seconds) {
    return make(dir, name, seconds, PICTURE, TONE, List.of("-c:v", "libvpx-vp9", "-deadline", "realtime",
        "-cpu-used", "8", "-b:v", "300k", "-c:a", "libopus"));
  }

  /** MPEG-4 Part 2 video with MP3 sound in AVI, as older cameras and editors export. */
  public static Path mpeg4Avi(Path dir, String name, double seconds) {
    return make(dir, name, seconds, PICTURE, TONE, List.of("-c:v", "mpeg4", "-q:v", "5", "-c:a", "libmp3lame"));
  }

  /** H.264 + AAC in MPEG-TS with two audio tracks, the second marked default. */
  public static Path mpegTs(Path dir, String name, double seconds) {
    return make(dir, name, seconds, PICTURE, List.of("-f", "lavfi", "-i", "sine=frequency=440",
        "-f", "lavfi", "-i", "sine=frequency=880"), List.of("-map", "0:v", "-map", "1:a", "-map", "2:a",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
        "-disposition:a:0", "0", "-disposition:a:1", "default", "-f", "mpegts"));
  }

  /**
   * H.264 in MP4 at a variable frame rate (25 fps for the first 40 frames, then 12.5) and with no sound, as
   * a phone records in dim light.
   */
  public static Path variableRateSilent(Path dir, String name) {
    return make(dir, name, 3, PICTURE, List.of(), List.of("-vf",
        "setpts='(N + if(gt(N,40), N-40, 0))/25/TB'", "-vsync", "vfr", "-c:v", "libx264", "-preset", "ultrafast",
        "-pix_fmt", "yuv420p", "-an"));
  }

  /** AV1 with Opus in WebM, as some screen recorders and browsers now write. */
  public static Path av1Webm(Path dir, String name, double seconds) {
    return make(dir, name, seconds, PICTURE, TONE, List.of("-c:v", "libsvtav1", "-preset", "12", "-c:a", "libopus"));
  }

  /** Sound only: an AAC tone in an M4A. */
  public static Path audioOnly(Path dir, String name, double seconds) {
    return make(dir, name, seconds, TONE, List.of(), List.of("-c:a", "aac"));
  }

  /** The first part of {@code whole}, as if its transfer had stopped there. */
  public static Path truncated(Path whole, Path target, double fraction) {
    try {
      byte[] bytes = Files.readAllBytes(whole);
      Files.write(target, Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path make(Path dir, String name, double seconds, List<String> first, List<String> second,
      List<String> codecs) {
    Path file = dir.resolve(name);
    List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y"));
    command.addAll(first);
    command.addAll(second);
    command.addAll(List.of("-t", String.valueOf(seconds)));
    command.addAll(codecs);
    command.add(file.toString());
    Ffprobe.run(command);
    return file;
  }

  private static int indexOf(byte[] bytes, byte[] part, int from) {
    for (int i = from; i <= bytes.length - part.length; i++) {
      if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    return -1;
  }
}
