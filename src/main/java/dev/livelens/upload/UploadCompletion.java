package dev.livelens.upload;

import dev.livelens.library.Library;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.SimpleDateFormat;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A complete upload becomes a library video: the bytes as received move to the video's
 * {@code original.<extension of the file's name>}, untouched; then, after the final PATCH is answered, the
 * library packages it for playback (remuxed or transcoded as the file needs, see the library's
 * {@code SourcePlan}), or marks the video failed with a reason and removes its files.
 */
final class UploadCompletion {

  private static final Logger LOG = LoggerFactory.getLogger(UploadCompletion.class);
  static final int MAX_TITLE = 200;
  private static final java.util.Set<String> VIDEO_EXTENSIONS = java.util.Set.of("mp4", "m4v", "mov", "qt", "mkv",
      "webm", "avi", "ts", "mts", "m2ts", "mpg", "mpeg", "3gp", "ogv", "flv", "wmv", "asf", "mxf", "dv", "y4m");

  private final Library library;
  private final UploadFiles files;
  private final WorkerExecutor pool;

  UploadCompletion(Library library, UploadFiles files, WorkerExecutor pool) {
    this.library = library;
    this.files = files;
    this.pool = pool;
  }

  /** The new video's id once the bytes are its original; remuxing and packaging go on after. */
  Future<String> toVideo(Upload upload) {
    return library.create(title(upload.metadata()), "upload", null, upload.ownerId())
        .compose(video -> library.videos().originalName(video.id(), originalName(upload.metadata())).map(video))
        .compose(video -> {
      Path original = library.store().original(video.id(), extension(upload.metadata()));
      return pool.executeBlocking(() -> Files.move(files.data(upload.id()), original,
          StandardCopyOption.REPLACE_EXISTING), false).map(moved -> {
            LOG.info("upload {} complete: {} bytes, video {}", upload.id(), upload.length(), video.id());
            process(video.id(), original);
            return video.id();
          });
    });
  }

  private void process(String videoId, Path original) {
    library.finishOrDiscard(videoId, original); // without FFmpeg: failed, "FFmpeg is not available…"
  }

  /** The file's name as sent (at most 255 characters), or null. */
  static String originalName(String metadata) {
    String name = Tus.metadataValue(metadata, "filename");
    String clean = name == null ? "" : name.replaceAll("\\p{Cntrl}", " ").strip();
    return clean.isEmpty() ? null : clean.length() > 255 ? clean.substring(0, 255) : clean;
  }

  /** The extension the original keeps: the file name's when it names a video container, else "video". */
  static String extension(String metadata) {
    String name = Tus.metadataValue(metadata, "filename");
    int dot = name == null ? -1 : name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    return VIDEO_EXTENSIONS.contains(ext) ? ext : "video";
  }

  /**
   * The video's title: tus metadata "title" when the page names it (the camera recorder does, with no file
   * extension), else the uploaded file's name ("filename", as tus-js-client sends it), else the date.
   */
  static String title(String metadata) {
    String title = Tus.metadataValue(metadata, "title");
    String name = title != null && !title.isBlank() ? title : Tus.metadataValue(metadata, "filename");
    String clean = name == null ? "" : name.replaceAll("\\p{Cntrl}", " ").strip();
    if (clean.isEmpty()) {
      return "Upload " + new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(new Date());
    }
    return clean.length() > MAX_TITLE ? clean.substring(0, MAX_TITLE) : clean;
  }
}
