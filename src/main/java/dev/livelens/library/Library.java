package dev.livelens.library;

import dev.livelens.media.Cancel;
import dev.livelens.media.FailureReason;
import dev.livelens.media.MediaException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library as the rest of the server sees it: videos come in (a recording, an upload), are packaged
 * for playback, and end ready or failed with a reason; never half-made and listed as ready.
 */
public final class Library {

  private static final Logger LOG = LoggerFactory.getLogger(Library.class);
  static final String RECOVERED = "recovered after the server stopped";
  /** Beside a source that is whole (a recording closed cleanly), holding the note to keep with the video. */
  static final String COMPLETE_MARK = "source-complete.txt";

  private final Videos videos;
  private final VideoLeases leases;
  private final MediaStore store;
  private final Optional<Packager> packager;
  private final FileSystem files;
  /** Told the id of every video that became ready (the subtitles transcribe it); set once at start. */
  private volatile Consumer<String> whenReady = videoId -> { };
  /** Told the id of every video deleted (its transcript goes with it) before the deletion completes. */
  private volatile Function<String, Future<?>> whenDeleted = videoId -> Future.succeededFuture();
  /** What the transcripts say (the playlist's subtitles, a cut by words); set once at start. */
  private volatile SpokenWords spokenWords = SpokenWords.NONE;

  /** @param packager empty where FFmpeg is not available: videos then cannot be made ready */
  public Library(Videos videos, VideoLeases leases, MediaStore store, Optional<Packager> packager,
      FileSystem files) {
    this.videos = videos;
    this.leases = leases;
    this.store = store;
    this.packager = packager;
    this.files = files;
  }

  /** Who hears of each video that becomes ready (a recording, an upload, an import, a cut). */
  public void whenReady(Consumer<String> listener) {
    this.whenReady = listener;
  }

  /** Who hears of each video deleted; the deletion completes after the future it returns. */
  public void whenDeleted(Function<String, Future<?>> listener) {
    this.whenDeleted = listener;
  }

  /** Who answers for the videos' transcripts. */
  public void spokenWords(SpokenWords words) {
    this.spokenWords = words;
  }

  public SpokenWords spokenWords() {
    return spokenWords;
  }

  public Videos videos() {
    return videos;
  }

  public MediaStore store() {
    return store;
  }

  /** Who works on which unfinished video: the jobs take theirs through it too. */
  public VideoLeases leases() {
    return leases;
  }

  /**
   * A new video row and its directory, processing until {@link #finish} packages what comes in; this node
   * holds its lease from the start, so no other node takes it for interrupted work.
   */
  public Future<Video> create(String title, String source, String parentId, Long ownerId) {
    String id = VideoIds.next();
    return files.mkdirs(store.directory(id).toString())
        .compose(done -> videos.create(id, TitleCheck.cleaned(title, "Untitled video"), source, parentId, ownerId,
            leases.owner(), leases.until()));
  }

  /** A video nobody owns (the server's own): admins manage it, anyone with its link may watch it. */
  public Future<Video> create(String title, String source, String parentId) {
    return create(title, source, parentId, null);
  }


  /**
   * Packages the video's source file for playback and marks it ready, or failed with FFmpeg's reason.
   *
   * @param note kept with a ready video (why a recording ended early), or null
   */
  public Future<Video> finish(String videoId, Path source, String note, DoubleConsumer progress) {
    return finish(videoId, source, note, progress, new Cancel());
  }

  /** The same, stoppable through {@code cancel}: a cancelled video is marked failed "cancelled". */
  public Future<Video> finish(String videoId, Path source, String note, DoubleConsumer progress, Cancel cancel) {
    return finish(videoId, source, note, progress, cancel, false);
  }

  /**
   * Packages a file a person sent (an upload): one that cannot become a video has its files removed before
   * it is marked failed, so nothing of it is on disk once its reason can be read.
   */
  public Future<Video> finishOrDiscard(String videoId, Path source) {
    return finish(videoId, source, null, fraction -> { }, new Cancel(), true);
  }

  private Future<Video> finish(String videoId, Path source, String note, DoubleConsumer progress, Cancel cancel,
      boolean discard) {
    Future<Videos.Facts> packed = packager.map(p -> p.pack(videoId, source, progress, cancel))
        .orElse(Future.failedFuture(new MediaException("this server has no FFmpeg for its platform, so videos cannot "
            + "be made here: ask its operator")));
    return packed
        .compose(facts -> videos.ready(videoId, facts, note))
        .recover(error -> {
          LOG.info("video {} failed: {}", videoId, error.toString());
          return (discard ? removeFiles(videoId) : Future.<Void>succeededFuture())
              .compose(removed -> videos.failed(videoId, FailureReason.of(error)))
              .compose(done -> Future.failedFuture(error));
        })
        .compose(done -> videos.find(videoId)).map(found -> found.orElseThrow())
        .andThen(made -> {
          if (made.succeeded()) {
            whenReady.accept(videoId);
          }
        });
  }

  /**
   * Notes that the video's source file is whole (a recording closed cleanly): if the server stops before it
   * is packaged, the next start packages it with {@code note} (null: none), not as recovered from a cut.
   */
  public Future<Void> sourceComplete(String videoId, String note) {
    return files.writeFile(store.directory(videoId).resolve(COMPLETE_MARK).toString(),
        Buffer.buffer(note == null ? "" : note));
  }

  /** Marks a video failed with a reason a person can act on. */
  public Future<Void> failed(String videoId, String reason) {
    // A failed video keeps its reason and no files: its original, half-made remux or packaging go too.
    return videos.failed(videoId, reason).compose(done -> files.deleteRecursive(store.directory(videoId).toString())
        .recover(missing -> Future.succeededFuture()));
  }

  /**
   * At start-up: every video still processing whose lease this node may take (see
   * {@link VideoLeases#atStart}) had its work cut short. One whose source file is there (a recording's
   * fragmented MP4 is valid up to its last fragment) is packaged again, noted as recovered unless its source
   * was {@linkplain #sourceComplete whole}; the rest are marked failed, so nothing half-made is ever listed
   * as ready.
   */
  public Future<Void> recover() {
    return recover(leases.atStart(), true);
  }

  /** The same for videos whose node stopped renewing their leases: it died, this node finishes its work. */
  public Future<Void> takeOver() {
    return recover(leases.lapsed(), false);
  }

  private Future<Void> recover(VideoLeases.Claim claim, boolean atStart) {
    return videos.processing(claim).compose(interrupted -> {
      List<Future<?>> done = new ArrayList<>();
      for (Video video : interrupted) {
        done.add(leases.take(video.id(), claim).compose(taken -> !taken ? Future.succeededFuture()
            : sourceOf(video.id()).compose(source -> source.isEmpty()
                ? failed(video.id(), "the server stopped before this video was complete")
                : noteOf(video.id()).compose(note -> finish(video.id(), source.get(), note, fraction -> { }))
                    .mapEmpty()))
            .recover(error -> Future.succeededFuture()));
      }
      if (atStart || !interrupted.isEmpty()) {
        LOG.info("{} interrupted videos found {}", interrupted.size(), atStart ? "at start-up" : "with lapsed leases");
      }
      return Future.join(done).mapEmpty();
    });
  }

  /** The file a video was made from, if it was kept: "original.*" in its directory. */
  private Future<Optional<Path>> sourceOf(String videoId) {
    String dir = store.directory(videoId).toString();
    return files.exists(dir).compose(exists -> !exists ? Future.succeededFuture(Optional.empty())
        : files.readDir(dir, "original\\..*").map(found -> found.stream().findFirst().map(Path::of)));
  }

  /** The note a whole source left (null for none), or the recovered one when its end was not seen. */
  private Future<String> noteOf(String videoId) {
    String mark = store.directory(videoId).resolve(COMPLETE_MARK).toString();
    return files.readFile(mark).map(note -> note.length() == 0 ? null : note.toString())
        .otherwise(RECOVERED);
  }

  /** Removes a failed video's files (its row keeps the reason): nothing of a refused file stays on disk. */
  public Future<Void> removeFiles(String videoId) {
    return files.deleteRecursive(store.directory(videoId).toString()).recover(missing -> Future.succeededFuture());
  }

  /** Deletes a video's row, then its files; false when there was no such video. */
  public Future<Boolean> delete(String videoId) {
    return videos.delete(videoId).compose(existed -> !existed ? Future.succeededFuture(false)
        : files.deleteRecursive(store.directory(videoId).toString()).recover(e -> Future.succeededFuture())
            .compose(done -> whenDeleted.apply(videoId)).recover(e -> Future.succeededFuture()).map(true));
  }
}
