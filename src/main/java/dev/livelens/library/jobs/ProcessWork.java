package dev.livelens.library.jobs;

import dev.livelens.filter.FilterCatalog;
import dev.livelens.filter.FilterSpec;
import dev.livelens.library.MediaStore;
import dev.livelens.media.Ffmpeg;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A ready video through one of the live filters: FFmpeg decodes it to JPEGs, each goes over the event bus
 * to the job workers, which run below live frames (see {@link WorkerLane}), and a second FFmpeg encodes
 * the answers, with the original's sound, as the new video. Driven by futures ({@link FrameRelay}): no
 * thread waits for a worker.
 */
public final class ProcessWork implements JobWork {

  public static final String KIND = "process";

  private final Ffmpeg ffmpeg;
  private final MediaStore store;
  private final Vertx vertx;
  private final FilterCatalog catalog;

  public ProcessWork(Ffmpeg ffmpeg, MediaStore store, Vertx vertx, FilterCatalog catalog) {
    this.ffmpeg = ffmpeg;
    this.store = store;
    this.vertx = vertx;
    this.catalog = catalog;
  }

  @Override
  public Future<Path> make(JobRun run) {
    Path source = store.mp4(run.input().getString("from"));
    Path out = store.original(run.videoId(), "mp4");
    return ffmpeg.probe(source).compose(probe -> relay(run, source, out, probe)).map(out);
  }

  private Future<Void> relay(JobRun run, Path source, Path out, JsonObject probe) {
    JsonObject video = videoStream(probe);
    double fps = fps(video.getString("avg_frame_rate", "25/1"));
    double duration = Double.parseDouble(probe.getJsonObject("format").getString("duration", "0"));
    long expected = Math.max(1, Math.round(duration * fps));
    FilterSpec spec = catalog.spec(run.input().getString("filter")).orElseThrow();
    JsonObject params = spec.resolve(run.input().getJsonObject("params"));
    WorkerLane lane = new WorkerLane(vertx, "job-" + run.videoId(), spec.name(), params, spec.newState(),
        run.cancel());
    List<String> decoder = List.of("-i", source.toString(), "-map", "0:v:0", "-f", "image2pipe",
        "-c:v", "mjpeg", "-q:v", "3", "-pix_fmt", "yuvj420p", "pipe:1");
    return FrameRelay.start(ffmpeg, decoder, encoderArgs(source, out, String.valueOf(fps)), run.cancel())
        .compose(relay -> relay.run(lane::process, n -> run.progress((double) n / expected)));
  }

  private static List<String> encoderArgs(Path source, Path out, String rate) {
    List<String> args = new ArrayList<>(List.of("-f", "image2pipe", "-framerate", rate, "-c:v", "mjpeg",
        "-i", "pipe:0", "-i", source.toString(), "-map", "0:v:0", "-map", "1:a:0?",
        "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2"));
    args.addAll(List.of(CutWork.VIDEO_ARGS.split(" ")));
    args.addAll(List.of("-c:a", "aac", "-b:a", "128k", "-shortest", "-f", "mp4", out.toString()));
    return args;
  }

  private static JsonObject videoStream(JsonObject probe) {
    JsonArray streams = probe.getJsonArray("streams", new JsonArray());
    for (int i = 0; i < streams.size(); i++) {
      if ("video".equals(streams.getJsonObject(i).getString("codec_type"))) {
        return streams.getJsonObject(i);
      }
    }
    throw new IllegalStateException("the video has no video stream");
  }

  private static double fps(String rate) {
    String[] parts = rate.split("/");
    double value = parts.length == 2 && !"0".equals(parts[1])
        ? Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]) : Double.parseDouble(parts[0]);
    return value > 0 && value < 1000 ? value : 25;
  }
}
