package dev.livelens.library.jobs;

import dev.livelens.library.MediaStore;
import dev.livelens.media.Ffmpeg;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A video fetched by FFmpeg from a URL (a file over http or https, or an HLS stream) into the library,
 * with its streams copied as they are into Matroska (which holds any codec); packaging then makes the
 * library's formats. FFmpeg reaches the web only through the import proxy, which checks every address it
 * connects to, and only over http(s); it stops at the length and size limits.
 */
public final class ImportWork implements JobWork {

  public static final String KIND = "import";
  private static final String PROTOCOLS = "http,https,tls,tcp,httpproxy,crypto";
  private static final String TIMEOUT_MICROS = "20000000";

  private final Ffmpeg ffmpeg;
  private final MediaStore store;
  private final String proxyUrl;
  private final int maxSeconds;
  private final long maxBytes;

  public ImportWork(Ffmpeg ffmpeg, MediaStore store, String proxyUrl, int maxSeconds, long maxBytes) {
    this.ffmpeg = ffmpeg;
    this.store = store;
    this.proxyUrl = proxyUrl;
    this.maxSeconds = maxSeconds;
    this.maxBytes = maxBytes;
  }

  @Override
  public Future<Path> make(JobRun run) {
    Path out = store.original(run.videoId(), "mkv");
    List<String> args = List.of("-protocol_whitelist", PROTOCOLS, "-rw_timeout", TIMEOUT_MICROS,
        "-http_proxy", proxyUrl, "-t", String.valueOf(maxSeconds), "-i", run.input().getString("url"),
        "-map", "0:v:0", "-map", "0:a:0?", "-c", "copy", "-fs", String.valueOf(maxBytes), "-f", "matroska",
        out.toString());
    // The TLS layer takes its proxy from the environment only: without it https would go out directly.
    Map<String, String> env = Map.of("http_proxy", proxyUrl, "no_proxy", "");
    return ffmpeg.run(args, maxSeconds, null, run.cancel(), env).map(out);
  }
}
