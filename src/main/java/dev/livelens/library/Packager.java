package dev.livelens.library;

import dev.livelens.media.Ffmpeg;
import dev.livelens.media.MediaException;
import dev.livelens.media.Probe;
import io.vertx.core.Future;
import io.vertx.core.file.FileSystem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Turns a video as it came (a recording, an upload, an import) into what the library plays: a
 * progressive MP4 with its index at the front, HLS with fMP4 segments, and a poster frame. H.264 is
 * copied as it is; anything else is transcoded to H.264 (OpenH264) with a keyframe every 1.6 s, so cuts
 * in fast mode land within that of the time asked.
 */
public final class Packager {

  static final int HLS_SEGMENT_SECONDS = 2;
  static final int KEYFRAME_EVERY_FRAMES = 48;

  private final Ffmpeg ffmpeg;
  private final MediaStore store;
  private final FileSystem files;

  public Packager(Ffmpeg ffmpeg, MediaStore store, FileSystem files) {
    this.ffmpeg = ffmpeg;
    this.store = store;
    this.files = files;
  }

  /** Packages {@code source} as video {@code videoId}; {@code progress} hears 0..1 as it goes. */
  public Future<Videos.Facts> pack(String videoId, Path source, DoubleConsumer progress) {
    Path mp4 = store.mp4(videoId);
    Path playlist = store.hlsPlaylist(videoId);
    return ffmpeg.probe(source).map(Probe::of)
        .compose(input -> files.mkdirs(playlist.getParent().toString())
            .compose(done -> ffmpeg.run(mp4Args(source, mp4, input), input.durationSeconds(),
                fraction -> progress.accept(fraction * 0.8)))
            .compose(done -> ffmpeg.run(hlsArgs(mp4, playlist), 0, null))
            .andThen(done -> progress.accept(0.95))
            .compose(done -> ffmpeg.run(posterArgs(mp4, store.poster(videoId), input.durationSeconds()), 0, null))
            .compose(done -> ffmpeg.probe(mp4)).map(Probe::of)
            .compose(output -> files.props(mp4.toString()).map(props -> new Videos.Facts(
                Math.round(output.durationSeconds() * 1000), output.width(), output.height(), output.codec(),
                props.size(), true))));
  }

  private static List<String> mp4Args(Path source, Path mp4, Probe input) {
    if (input.codec() == null) {
      throw new MediaException("the file has no video stream");
    }
    if (input.durationSeconds() <= 0) {
      throw new MediaException("the file has no video frames (a recording cut short before its first fragment "
          + "reached the disk, or an empty upload)");
    }
    List<String> args = new ArrayList<>(List.of("-i", source.toString(), "-map", "0:v:0", "-map", "0:a:0?"));
    if ("h264".equals(input.codec())) {
      args.addAll(List.of("-c:v", "copy"));
    } else {
      args.addAll(List.of("-c:v", "libopenh264", "-b:v", "2500k", "-g", String.valueOf(KEYFRAME_EVERY_FRAMES),
          "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2", "-pix_fmt", "yuv420p"));
    }
    args.addAll(List.of("-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart", "-f", "mp4", mp4.toString()));
    return args;
  }

  private static List<String> hlsArgs(Path mp4, Path playlist) {
    Path dir = playlist.getParent();
    return List.of("-i", mp4.toString(), "-map", "0", "-c", "copy", "-f", "hls",
        "-hls_time", String.valueOf(HLS_SEGMENT_SECONDS), "-hls_playlist_type", "vod",
        "-hls_segment_type", "fmp4", "-hls_fmp4_init_filename", "init.mp4",
        "-hls_segment_filename", dir.resolve("seg-%04d.m4s").toString(), playlist.toString());
  }

  private static List<String> posterArgs(Path mp4, Path poster, double durationSeconds) {
    String at = String.valueOf(Math.min(1.0, durationSeconds / 2));
    return List.of("-ss", at, "-i", mp4.toString(), "-frames:v", "1", "-vf", "scale='min(640,iw)':-2",
        "-q:v", "4", poster.toString());
  }
}
