package dev.livelens.upload;

import dev.livelens.library.Library;
import dev.livelens.media.Ffmpeg;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A complete upload becomes a library video: the bytes as received move to the video's
 * {@code original.webm}; then, after the final PATCH is answered, FFmpeg rewrites them without
 * re-encoding into {@code remuxed.webm} (what MediaRecorder makes has no duration and no seek index;
 * the remuxed file has both), and the library packages that for playback, or marks the video failed
 * with FFmpeg's reason.
 */
final class UploadCompletion {

  private static final Logger LOG = LoggerFactory.getLogger(UploadCompletion.class);
  static final int MAX_TITLE = 200;

  private final Library library;
  private final Optional<Ffmpeg> ffmpeg;
  private final UploadFiles files;
  private final WorkerExecutor pool;

  UploadCompletion(Library library, Optional<Ffmpeg> ffmpeg, UploadFiles files, WorkerExecutor pool) {
    this.library = library;
    this.ffmpeg = ffmpeg;
    this.files = files;
    this.pool = pool;
  }

  /** The new video's id once the bytes are its original; remuxing and packaging go on after. */
  Future<String> toVideo(Upload upload) {
    return library.create(title(upload.metadata()), "upload", null, upload.ownerId()).compose(video -> {
      Path original = library.store().original(video.id(), "webm");
      return pool.executeBlocking(() -> Files.move(files.data(upload.id()), original,
          StandardCopyOption.REPLACE_EXISTING), false).map(moved -> {
            LOG.info("upload {} complete: {} bytes, video {}", upload.id(), upload.length(), video.id());
            process(video.id(), original);
            return video.id();
          });
    });
  }

  private void process(String videoId, Path original) {
    Path remuxed = library.store().directory(videoId).resolve("remuxed.webm");
    ffmpeg.<Future<Path>>map(f -> f.run(List.of("-i", original.toString(), "-map", "0", "-c", "copy",
            "-f", "webm", remuxed.toString()), 0, null).map(remuxed))
        .orElse(Future.failedFuture("FFmpeg is not available on this platform"))
        .onFailure(error -> library.failed(videoId, "not a video FFmpeg can read: " + error.getMessage()))
        .onSuccess(source -> library.finish(videoId, source, null, fraction -> { }));
  }

  /** The uploaded file's name (tus metadata "filename", as tus-js-client sends it), else the date. */
  static String title(String metadata) {
    String name = Tus.metadataValue(metadata, "filename");
    String clean = name == null ? "" : name.replaceAll("\\p{Cntrl}", " ").strip();
    if (clean.isEmpty()) {
      return "Upload " + new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(new Date());
    }
    return clean.length() > MAX_TITLE ? clean.substring(0, MAX_TITLE) : clean;
  }
}
