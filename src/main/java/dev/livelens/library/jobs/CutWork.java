package dev.livelens.library.jobs;

import dev.livelens.library.MediaStore;
import dev.livelens.media.Ffmpeg;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cut from a ready video, by time. Fast: the packets are copied, so the cut starts at the keyframe at
 * or before {@code start} (the library puts one every 1.6 s at most when it transcodes; a copied H.264
 * keeps its own). Exact: decoded from {@code start} and encoded again, to the frame.
 */
public final class CutWork implements JobWork {

  public static final String KIND = "cut";
  static final String VIDEO_ARGS = "-c:v libopenh264 -b:v 2500k -g 48 -pix_fmt yuv420p";

  private final Ffmpeg ffmpeg;
  private final MediaStore store;

  public CutWork(Ffmpeg ffmpeg, MediaStore store) {
    this.ffmpeg = ffmpeg;
    this.store = store;
  }

  @Override
  public Future<Path> make(JobRun run) {
    String from = run.input().getString("from");
    double start = run.input().getDouble("start");
    double end = run.input().getDouble("end");
    boolean exact = run.input().getBoolean("exact", false);
    Path out = store.original(run.videoId(), "mp4");
    List<String> args = exact ? exactArgs(store.mp4(from), out, start, end) : fastArgs(store.mp4(from), out, start, end);
    return ffmpeg.run(args, end - start, run::progress, run.cancel(), Map.of()).map(out);
  }

  private static List<String> fastArgs(Path in, Path out, double start, double end) {
    return List.of("-ss", seconds(start), "-to", seconds(end), "-i", in.toString(), "-map", "0:v:0", "-map", "0:a:0?",
        "-c", "copy", "-avoid_negative_ts", "make_zero", "-f", "mp4", out.toString());
  }

  private static List<String> exactArgs(Path in, Path out, double start, double end) {
    List<String> args = new ArrayList<>(List.of("-ss", seconds(start), "-i", in.toString(),
        "-t", seconds(end - start), "-map", "0:v:0", "-map", "0:a:0?"));
    args.addAll(List.of(VIDEO_ARGS.split(" ")));
    args.addAll(List.of("-c:a", "aac", "-b:a", "128k", "-f", "mp4", out.toString()));
    return args;
  }

  private static String seconds(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }
}
