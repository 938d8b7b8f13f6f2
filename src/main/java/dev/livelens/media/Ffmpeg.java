package dev.livelens.media;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ffmpeg} and {@code ffprobe} programs that ship inside the jar (JavaCV's FFmpeg build, LGPL
 * with OpenH264), run as processes on the media worker pool: never on an event loop, and a crash in
 * FFmpeg costs one job, not the server. Each run is unordered: it waits behind nothing else started from
 * the same event loop (see "Blocking work: ordered or not" in docs/architecture.md).
 */
public final class Ffmpeg {

  private static final Logger LOG = LoggerFactory.getLogger(Ffmpeg.class);
  /** Longest any one FFmpeg run may take before it is stopped. */
  private static final long TIMEOUT_MINUTES = 60;

  /**
   * FFmpeg's jobs (packaging, cuts, imports, processing) run at the lowest CPU priority where the system has
   * `nice`: they are background work, and live streams must keep their frame rate beside them (measured:
   * 4 live `faces` streams fell from 29.6 to 26.6 fps a stream while a video was processed at normal
   * priority). `nice` runs FFmpeg in its own process, so cancelling still stops FFmpeg itself.
   */
  private static final List<String> BELOW_LIVE_WORK = Files.isExecutable(Path.of("/usr/bin/nice"))
      ? List.of("/usr/bin/nice", "-n", "19") : List.of();

  private final String ffmpeg;
  private final String ffprobe;
  private final WorkerExecutor pool;

  private Ffmpeg(String ffmpeg, String ffprobe, WorkerExecutor pool) {
    this.ffmpeg = ffmpeg;
    this.ffprobe = ffprobe;
    this.pool = pool;
  }

  /** FFmpeg for this platform, or empty (with the reason logged) where its natives are not in the jar. */
  public static Optional<Ffmpeg> locate(WorkerExecutor pool) {
    try {
      return Optional.of(new Ffmpeg(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class),
          Loader.load(org.bytedeco.ffmpeg.ffprobe.class), pool));
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      LOG.warn("FFmpeg is not available on this platform ({}): recording and the library's jobs are off",
          e.toString());
      return Optional.empty();
    }
  }

  public WorkerExecutor pool() {
    return pool;
  }

  /** ffprobe's JSON of the file's format and streams. */
  public Future<JsonObject> probe(Path file) {
    return pool.executeBlocking(() -> new JsonObject(exec(List.of(ffprobe, "-v", "error", "-print_format", "json",
        "-show_format", "-show_streams", file.toString()), null)), false);
  }

  /**
   * Runs ffmpeg with these arguments (after its own quiet, non-interactive ones).
   *
   * @param durationSeconds the input's duration, to turn progress into a fraction; 0 when unknown
   * @param progress told the fraction done (0..1) as FFmpeg reports it; may be null
   */
  public Future<Void> run(List<String> args, double durationSeconds, DoubleConsumer progress) {
    return run(args, durationSeconds, progress, new Cancel(), Map.of());
  }

  /**
   * The same, stoppable through {@code cancel}, with {@code env} added to the process's environment.
   */
  public Future<Void> run(List<String> args, double durationSeconds, DoubleConsumer progress, Cancel cancel,
      Map<String, String> env) {
    List<String> command = new ArrayList<>(BELOW_LIVE_WORK);
    command.addAll(List.of(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
    if (progress != null) {
      command.addAll(List.of("-progress", "pipe:1", "-stats_period", "0.5"));
    }
    command.addAll(args);
    return pool.executeBlocking(() -> {
      exec(command, env, cancel, progress == null ? null : line -> reportProgress(line, durationSeconds, progress));
      return null;
    }, false);
  }

  /**
   * Starts ffmpeg with these arguments and leaves its pipes to the caller; call from a worker thread
   * (starting a process blocks).
   */
  public FfmpegProcess spawn(List<String> args, Cancel cancel) throws IOException {
    List<String> command = new ArrayList<>(BELOW_LIVE_WORK);
    command.addAll(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-y"));
    command.addAll(args);
    Process process = new ProcessBuilder(command).start();
    cancel.attach(process);
    return new FfmpegProcess(process, cancel);
  }

  private static void reportProgress(String line, double durationSeconds, DoubleConsumer progress) {
    if (durationSeconds > 0 && line.startsWith("out_time_us=") && !line.endsWith("N/A")) {
      double seconds = Long.parseLong(line.substring("out_time_us=".length())) / 1e6;
      progress.accept(Math.max(0, Math.min(1, seconds / durationSeconds)));
    }
  }

  /** Runs a program to its end; its standard output, or a {@link FfmpegFailure} with what it wrote when it fails. */
  private static String exec(List<String> command, Consumer<String> lines) throws IOException, InterruptedException {
    return exec(command, Map.of(), new Cancel(), lines);
  }

  private static String exec(List<String> command, Map<String, String> env, Cancel cancel, Consumer<String> lines)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    Process process = builder.start();
    cancel.attach(process);
    ErrorTail errors = ErrorTail.drain(process.getErrorStream());
    StringBuilder out = new StringBuilder();
    try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (lines != null) {
          lines.accept(line);
        } else {
          out.append(line).append('\n');
        }
      }
    }
    boolean ended;
    try {
      ended = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
    } catch (InterruptedException stopping) {
      process.destroyForcibly(); // the server stops: no FFmpeg left behind writing into the library
      throw stopping;
    }
    if (!ended) {
      process.destroyForcibly();
      throw new MediaException(FailureReason.tookTooLong(TIMEOUT_MINUTES));
    }
    cancel.check();
    if (process.exitValue() != 0) {
      String log = errors.text();
      throw new FfmpegFailure(lastLine(log, process.exitValue()), log);
    }
    return out.toString();
  }

  static String lastLine(String errors, int exit) {
    String[] lines = errors.strip().split("\n");
    String last = lines.length == 0 || lines[lines.length - 1].isBlank() ? "exit code " + exit : lines[lines.length - 1];
    return last.length() > 500 ? last.substring(0, 500) : last;
  }
}
