package dev.livelens.library.jobs;

import dev.livelens.library.MediaStore;
import dev.livelens.library.imports.Download;
import dev.livelens.library.imports.VideoInPage;
import dev.livelens.media.Ffmpeg;
import dev.livelens.media.MediaException;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A video fetched from a URL into the library. The whole file is downloaded first ({@link Download}, through
 * the import proxy, within the size limit), so any plain web server will do, even one that ignores byte
 * ranges while the MP4's index is at its end; then FFmpeg copies its streams into Matroska (which holds any
 * codec) within the length limit, and packaging makes the library's formats. A web page is searched for the
 * video it shows; an HLS playlist is read by FFmpeg itself, through the same proxy.
 */
public final class ImportWork implements JobWork {

  public static final String KIND = "import";
  static final String NOT_A_VIDEO_PAGE = "this is a web page, not a video: give the address of the video file "
      + "itself (a link that plays the video alone, often ending in .mp4)";
  private static final String PROTOCOLS = "http,https,tls,tcp,httpproxy,crypto";
  private static final String TIMEOUT_MICROS = "20000000";
  /** Of a page, only this much is searched for its video. */
  private static final int MAX_PAGE_CHARS = 2 * 1024 * 1024;
  /** Of the making of the source, the download's share (the copy into Matroska has the rest). */
  private static final double DOWNLOAD_SHARE = 0.9;

  private final Ffmpeg ffmpeg;
  private final MediaStore store;
  private final Download download;
  private final String proxyUrl;
  private final int maxSeconds;
  private final long maxBytes;

  public ImportWork(Ffmpeg ffmpeg, MediaStore store, Download download, String proxyUrl, int maxSeconds,
      long maxBytes) {
    this.ffmpeg = ffmpeg;
    this.store = store;
    this.download = download;
    this.proxyUrl = proxyUrl;
    this.maxSeconds = maxSeconds;
    this.maxBytes = maxBytes;
  }

  @Override
  public Future<Path> make(JobRun run) {
    return fetch(run, URI.create(run.input().getString("url")), true);
  }

  /** {@code url}'s video; {@code pageAllowed}: a web page is searched for one (once, not a page it names). */
  private Future<Path> fetch(JobRun run, URI url, boolean pageAllowed) {
    Path file = store.directory(run.videoId()).resolve("download");
    return download.fetch(url, file, run.cancel(), fraction -> run.progress(DOWNLOAD_SHARE * fraction))
        .compose(fetched -> ffmpeg.pool().executeBlocking(() -> start(file, 512), false).compose(start -> {
          String type = fetched.contentType() == null ? "" : fetched.contentType().toLowerCase(Locale.ROOT);
          if (start.startsWith("#EXTM3U") || type.contains("mpegurl")) {
            return ffmpeg.pool().executeBlocking(() -> Files.deleteIfExists(file), false)
                .compose(deleted -> copy(run, fetched.uri().toString(), true));
          }
          if (VideoInPage.isPage(type, start)) {
            return ffmpeg.pool().executeBlocking(() -> start(file, MAX_PAGE_CHARS), false)
                .map(page -> VideoInPage.find(page, fetched.uri()).filter(found -> pageAllowed)
                    .orElseThrow(() -> new MediaException(NOT_A_VIDEO_PAGE)))
                .compose(video -> fetch(run, video, false));
          }
          return copy(run, file.toString(), false).compose(made -> ffmpeg.pool()
              .executeBlocking(() -> Files.deleteIfExists(file), false).map(made));
        }));
  }

  /** The first video and audio streams of {@code input} (the download, or a playlist's URL) into Matroska. */
  private Future<Path> copy(JobRun run, String input, boolean overTheWeb) {
    Path out = store.original(run.videoId(), "mkv");
    List<String> limits = List.of("-t", String.valueOf(maxSeconds), "-i", input, "-map", "0:v:0", "-map", "0:a:0?",
        "-c", "copy", "-fs", String.valueOf(maxBytes), "-f", "matroska", out.toString());
    if (!overTheWeb) {
      return ffmpeg.run(limits, 0, null, run.cancel(), Map.of()).map(out);
    }
    List<String> args = new ArrayList<>(List.of("-protocol_whitelist", PROTOCOLS,
        "-rw_timeout", TIMEOUT_MICROS, "-http_proxy", proxyUrl));
    args.addAll(limits);
    // The TLS layer takes its proxy from the environment only: without it https would go out directly.
    Map<String, String> env = Map.of("http_proxy", proxyUrl, "no_proxy", "");
    return ffmpeg.run(args, maxSeconds, null, run.cancel(), env).map(out);
  }

  /** The file's first characters (Latin-1: any bytes read), to tell a page or a playlist from a video. */
  private static String start(Path file, int chars) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(chars), StandardCharsets.ISO_8859_1);
    }
  }
}
