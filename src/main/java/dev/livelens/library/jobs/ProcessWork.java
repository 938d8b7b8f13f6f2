package dev.livelens.library.jobs;

import dev.livelens.filter.FilterCatalog;
import dev.livelens.filter.FilterSpec;
import dev.livelens.library.MediaStore;
import dev.livelens.media.Ffmpeg;
import dev.livelens.media.FfmpegProcess;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A ready video through one of the live filters: FFmpeg decodes it to JPEGs, each goes to the workers
 * over the event bus like a live frame (behind live frames, see {@link WorkerLane}), and a second FFmpeg
 * encodes the answers, with the original's sound, as the new video.
 */
public final class ProcessWork implements JobWork {

  public static final String KIND = "process";
  private static final long TIMEOUT_MINUTES = 120;

  private final Ffmpeg ffmpeg;
  private final MediaStore store;
  private final EventBus bus;
  private final FilterCatalog catalog;

  public ProcessWork(Ffmpeg ffmpeg, MediaStore store, EventBus bus, FilterCatalog catalog) {
    this.ffmpeg = ffmpeg;
    this.store = store;
    this.bus = bus;
    this.catalog = catalog;
  }

  @Override
  public Future<Path> make(JobRun run) {
    Path source = store.mp4(run.input().getString("from"));
    Path out = store.original(run.videoId(), "mp4");
    return ffmpeg.probe(source).compose(probe -> ffmpeg.pool().executeBlocking(() -> {
      relay(run, source, out, probe);
      return out;
    }, false));
  }

  private void relay(JobRun run, Path source, Path out, JsonObject probe) throws IOException, InterruptedException {
    JsonObject video = videoStream(probe);
    double fps = fps(video.getString("avg_frame_rate", "25/1"));
    String rate = String.valueOf(fps);
    double duration = Double.parseDouble(probe.getJsonObject("format").getString("duration", "0"));
    long expected = Math.max(1, Math.round(duration * fps));
    FilterSpec spec = catalog.spec(run.input().getString("filter")).orElseThrow();
    JsonObject params = spec.resolve(run.input().getJsonObject("params"));
    WorkerLane lane = new WorkerLane(bus, "job-" + run.videoId(), spec.name(), params, spec.newState(), run.cancel());
    FfmpegProcess decoder = ffmpeg.spawn(List.of("-i", source.toString(), "-map", "0:v:0", "-f", "image2pipe",
        "-c:v", "mjpeg", "-q:v", "3", "-pix_fmt", "yuvj420p", "pipe:1"), run.cancel());
    FfmpegProcess encoder = ffmpeg.spawn(encoderArgs(source, out, rate), run.cancel());
    try (OutputStream frames = encoder.input()) {
      JpegReader reader = new JpegReader(decoder.output());
      long n = 0;
      for (byte[] jpeg = reader.next(); jpeg != null; jpeg = reader.next()) {
        frames.write(lane.process(++n, jpeg));
        run.progress((double) n / expected);
      }
    } catch (IOException | RuntimeException | InterruptedException e) {
      decoder.kill();
      encoder.kill();
      run.cancel().check(); // a cancelled job's broken pipe is its cancellation, not an error
      throw e;
    }
    decoder.await(TIMEOUT_MINUTES);
    encoder.await(TIMEOUT_MINUTES);
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
