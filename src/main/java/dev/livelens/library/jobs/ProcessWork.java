package dev.livelens.library.jobs;

import dev.livelens.bus.FramePictures;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.filter.FilterSpec;
import dev.livelens.filter.UploadedBackground;
import dev.livelens.library.MediaStore;
import dev.livelens.media.Ffmpeg;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
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
 *
 * <p>JPEGs in a pipe carry no timestamps, so both FFmpegs agree on one constant rate: the decoder puts the
 * frames on that rate's grid (a variable-frame-rate video, such as a server recording, has its gaps filled
 * with repeats of the frame before) and the encoder reads them at the same rate. The new video then lasts
 * as long as its source, within a frame; repeats are not filtered again ({@link RepeatedFrames}).
 */
public final class ProcessWork implements JobWork {

  public static final String KIND = "process";
  /** Faster than this, frames are dropped to it: no camera video needs more, and every frame costs a filter run. */
  private static final double MAX_FPS = 60;

  private final Ffmpeg ffmpeg;
  private final MediaStore store;
  private final Vertx vertx;
  private final FilterCatalog catalog;
  private final JobPicture picture;

  ProcessWork(Ffmpeg ffmpeg, MediaStore store, Vertx vertx, FilterCatalog catalog, JobPicture picture) {
    this.ffmpeg = ffmpeg;
    this.store = store;
    this.vertx = vertx;
    this.catalog = catalog;
    this.picture = picture;
  }

  @Override
  public Future<Path> make(JobRun run) {
    Path source = store.mp4(run.input().getString("from"));
    Path out = store.original(run.videoId(), "mp4");
    Future<Buffer> shown = run.input().getBoolean(JobPicture.FIELD, false)
        ? picture.kept(run.videoId()) : Future.succeededFuture();
    return shown.compose(jpeg -> ffmpeg.probe(source).compose(probe -> relay(run, source, out, probe, jpeg)))
        .map(out);
  }

  private Future<Void> relay(JobRun run, Path source, Path out, JsonObject probe, Buffer picture) {
    JsonObject video = videoStream(probe);
    String rate = rate(video);
    double duration = Double.parseDouble(probe.getJsonObject("format").getString("duration", "0"));
    long expected = Math.max(1, Math.round(duration * fps(rate)));
    FilterSpec spec = catalog.spec(run.input().getString("filter")).orElseThrow();
    String lanes = "job-" + run.videoId();
    // The picture's key is the job's own: the lane answers for it while the job runs (FramePictures).
    JsonObject params = UploadedBackground.attach(spec.name(), spec.resolve(run.input().getJsonObject("params")),
        picture, lanes);
    MessageConsumer<String> offered = picture == null ? null
        : FramePictures.offer(vertx.eventBus(), lanes, lanes, picture);
    WorkerLane lane = new WorkerLane(vertx, lanes, spec.name(), params, spec.newState(), run.cancel());
    List<String> decoder = List.of("-i", source.toString(), "-map", "0:v:0", "-fps_mode", "cfr", "-r", rate,
        "-f", "image2pipe", "-c:v", "mjpeg", "-q:v", "3", "-pix_fmt", "yuvj420p", "pipe:1");
    RepeatedFrames repeats = new RepeatedFrames(lane::process);
    return FrameRelay.start(ffmpeg, decoder, encoderArgs(source, out, rate), run.cancel())
        .compose(relay -> relay.run(repeats::process, n -> run.progress((double) n / expected)))
        .andThen(done -> {
          if (offered != null) {
            offered.unregister();
          }
        });
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

  /**
   * The rate both FFmpegs work at: the video's nominal rate (a server recording's 30, whatever its average),
   * else its average, else 30; at most {@link #MAX_FPS} (a variable-rate file can claim a rate of its time base).
   */
  static String rate(JsonObject video) {
    for (String rate : new String[] {video.getString("r_frame_rate", ""), video.getString("avg_frame_rate", "")}) {
      double fps = fps(rate);
      if (fps > 0 && fps <= MAX_FPS) {
        return rate;
      }
    }
    return "30";
  }

  /** A rate as ffprobe writes it ("30/1", "30000/1001"), in frames a second; 0 when it is not one. */
  private static double fps(String rate) {
    try {
      String[] parts = rate.split("/");
      double value = parts.length == 2 ? Double.parseDouble(parts[0]) / Double.parseDouble(parts[1])
          : Double.parseDouble(parts[0]);
      return Double.isFinite(value) && value > 0 ? value : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
