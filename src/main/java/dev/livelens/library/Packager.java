package dev.livelens.library;

import dev.livelens.media.Cancel;
import dev.livelens.media.Ffmpeg;
import dev.livelens.media.FfmpegFailure;
import dev.livelens.media.MediaException;
import dev.livelens.media.Probe;
import io.vertx.core.Future;
import io.vertx.core.file.FileSystem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a video as it came (a recording, an upload, an import) into what the library plays: a
 * progressive MP4 with its index at the front, HLS with fMP4 segments, and a poster frame. What is copied
 * and what transcoded, and which files are refused, {@link SourcePlan} decides; transcoded video (OpenH264)
 * has a keyframe every 1.6 s, so cuts in fast mode land within that of the time asked. FFmpeg runs below
 * live work (nice 19, see {@link Ffmpeg}), so a transcode slows down rather than the live streams.
 */
public final class Packager {

  private static final Logger LOG = LoggerFactory.getLogger(Packager.class);

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
    return pack(videoId, source, progress, new Cancel());
  }

  /** The same, stoppable through {@code cancel} (a job's packaging, a server that stops). */
  public Future<Videos.Facts> pack(String videoId, Path source, DoubleConsumer progress, Cancel cancel) {
    Path mp4 = store.mp4(videoId);
    Path playlist = store.hlsPlaylist(videoId);
    return readable(videoId, source, cancel).compose(readable -> {
      SourcePlan plan = readable.plan();
      LOG.info("video {}: {} {} ({}x{}, rotation {}, audio {}) → {}", videoId, plan.input().format(),
          plan.input().codec(), plan.input().width(), plan.input().height(), plan.input().rotation(),
          plan.input().audioCodec(), plan.videoAction());
      double seconds = plan.input().durationSeconds();
      return files.mkdirs(playlist.getParent().toString())
          .compose(done -> ffmpeg.run(plan.mp4Args(readable.file(), mp4, KEYFRAME_EVERY_FRAMES), seconds,
              fraction -> progress.accept(fraction * 0.8), cancel, Map.of()))
          .compose(done -> ffmpeg.probe(mp4)).map(Probe::of)
          .map(output -> {
            plan.checkLength(output.durationSeconds());
            return output;
          })
          .compose(output -> ffmpeg.run(hlsArgs(mp4, playlist), 0, null, cancel, Map.of())
              .andThen(done -> progress.accept(0.95))
              .compose(done -> ffmpeg.run(posterArgs(mp4, store.poster(videoId), output.durationSeconds()), 0,
                  null, cancel, Map.of()))
              .compose(done -> files.props(mp4.toString()))
              .map(props -> new Videos.Facts(Math.round(output.durationSeconds() * 1000), output.displayWidth(),
                  output.displayHeight(), output.codec(), props.size(), true, plan.describe())));
    });
  }

  /** A source and its plan. */
  private record Readable(Path file, SourcePlan plan) {
  }

  /**
   * The source probed and planned. Matroska and WebM (what MediaRecorder writes: no duration, no seek index)
   * are first rewritten without re-encoding, as are files with no length in their header: the rewritten
   * file has both.
   */
  private Future<Readable> readable(String videoId, Path source, Cancel cancel) {
    return probe(source).compose(input -> {
      boolean matroska = input.format() != null && input.format().contains("matroska");
      if (input.codec() == null || (!matroska && input.durationSeconds() > 0)) {
        return Future.succeededFuture(new Readable(source, SourcePlan.of(input)));
      }
      boolean webm = matroska && source.getFileName().toString().endsWith(".webm");
      Path remuxed = store.directory(videoId).resolve(webm ? "remuxed.webm" : "remuxed.mkv");
      return ffmpeg.run(List.of("-i", source.toString(), "-map", "0", "-c", "copy", "-f", webm ? "webm" : "matroska",
              remuxed.toString()), 0, null, cancel, Map.of())
          .compose(done -> probe(remuxed)).map(again -> new Readable(remuxed, SourcePlan.of(again)));
    });
  }

  private Future<Probe> probe(Path file) {
    return ffmpeg.probe(file).map(Probe::of).recover(error -> !(error instanceof FfmpegFailure e)
        ? Future.failedFuture(error)
        : ffmpeg.pool().executeBlocking(() -> isMp4(file), false).otherwise(false)
            .compose(mp4 -> Future.failedFuture(new MediaException(SourcePlan.unreadable(e, mp4)))));
  }

  /**
   * Whether the file starts as an MP4 does (a box: size, then a type such as "ftyp"): FFmpeg says "moov atom
   * not found" of any file named .mp4, a text file too, and only a real MP4 was cut short before its index.
   */
  private static boolean isMp4(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      String type = new String(in.readNBytes(8), StandardCharsets.ISO_8859_1);
      return type.length() == 8 && List.of("ftyp", "moov", "mdat", "free", "wide", "skip").contains(type.substring(4));
    }
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
