package dev.livelens.subtitles;

import dev.livelens.config.LeaseConfig;
import dev.livelens.config.SpeechConfig;
import dev.livelens.db.Database;
import dev.livelens.db.DatabaseFeature;
import dev.livelens.library.LibraryFeature;
import dev.livelens.library.SpokenWords;
import dev.livelens.media.MediaFeature;
import dev.livelens.web.Deployed;
import dev.livelens.web.Feature;
import dev.livelens.web.Mounts;
import dev.livelens.web.OpenSockets;
import dev.livelens.web.SocketUpgrade.Admitted;
import dev.livelens.web.SignedInUsers;
import io.vertx.ext.web.Router;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subtitles from speech: a transcript for every video that becomes ready (Vosk, offline), its words stored
 * with their times, served as lines and as WebVTT, and searchable. Its speech work ({@link SpeechWork}: the
 * pool "livelens-speech" of {@code --transcribe-threads} threads and the node's one model, loaded on first
 * use) runs in a verticle of its own. Needs FFmpeg; with it missing, or with 0 threads, no transcripts are
 * made but those stored are still served.
 */
public final class SubtitlesFeature implements Feature {

  public static final String SPEECH_POOL = "livelens-speech";
  public static final String CAPTIONS_POOL = "livelens-captions";
  /** Live captions heard at once without waiting: each open captions socket holds a thread only per message. */
  static final int CAPTIONS_THREADS = 2;
  private static final Logger LOG = LoggerFactory.getLogger(SubtitlesFeature.class);

  private final SpeechConfig config;
  private final LeaseConfig leases;
  private final String nodeName;
  private final Path dataDir;
  private final DatabaseFeature database;
  private final MediaFeature media;
  private final LibraryFeature library;
  private final Supplier<SignedInUsers> users;
  private final OpenSockets sockets;
  private Transcripts transcripts;
  private Lines lines;
  private SpeechSearch search;
  private TranscriptJobs jobs;
  private SpeechWork speech;
  private Deployed work = Deployed.NOTHING;

  /**
   * @param leases how long this node's lease on a transcript it makes lasts, and how often it is renewed
   * @param nodeName this node's name, on the leases it takes
   * @param users who asks for a transcript or searches: they see only videos they may watch or find
   * @param sockets the node's long-lived sockets: a captions socket is told (1001) when the node stops
   */
  public SubtitlesFeature(SpeechConfig config, LeaseConfig leases, String nodeName, Path dataDir,
      DatabaseFeature database, MediaFeature media, LibraryFeature library, Supplier<SignedInUsers> users,
      OpenSockets sockets) {
    this.config = config;
    this.leases = leases;
    this.nodeName = nodeName;
    this.dataDir = dataDir;
    this.database = database;
    this.media = media;
    this.library = library;
    this.users = users;
    this.sockets = sockets;
  }

  @Override
  public Future<?> start(Vertx vertx) {
    Database db = database.database();
    transcripts = new Transcripts(db.pool(), db.reads());
    lines = new Lines(db.pool(), transcripts);
    search = new SpeechSearch(db.reads(), db.shared());
    library.library().whenDeleted(this::forget);
    library.library().spokenWords(new LibraryWords(transcripts, lines, config.language()));
    if (media.ffmpeg().isEmpty() || config.threads() == 0) {
      return Future.succeededFuture();
    }
    SpeechWork speech = new SpeechWork(config, dataDir.resolve("models"), library.library(), transcripts, lines,
        media.ffmpeg().get(), new TranscriptJobs.Lease(nodeName, leases.leaseMs(), db.shared()), leases.renewMs());
    return Deployed.deploy(vertx, speech).onSuccess(deployed -> {
      work = deployed;
      this.speech = speech;
      jobs = speech.jobs();
      library.library().whenReady(jobs::transcribe);
    });
  }

  /** A deleted video's transcript goes with it; one being made is stopped first. */
  private Future<Void> forget(String videoId) {
    if (jobs != null) {
      jobs.drop(videoId);
    }
    return transcripts.forget(videoId)
        .onFailure(e -> LOG.warn("the transcript of deleted video {} stays: {}", videoId, e.toString()));
  }

  @Override
  public void mount(Mounts mounts) {
    TranscriptJobs running = jobs;
    Router router = mounts.router();
    SignedInUsers signedIn = users.get();
    SubtitlesRoutes.mount(router, transcripts, lines, running == null ? videoId -> Optional.empty()
        : running::progress, library.library().videos(), signedIn);
    SearchRoutes.mount(router, search, transcripts, lines, library.library().videos(), signedIn);
    SpeechWork live = speech;
    if (live != null) {
      router.get(LiveCaptions.PATH).handler(mounts.socket(LiveCaptions.PATH, LiveCaptions.MAX_MESSAGE_BYTES,
          ctx -> {
            var caller = signedIn.of(ctx.request());
            return Admitted.to((socket, messages) -> {
              if (sockets.admit(socket)) { // else the node is stopping: closed at once, going away
                live.caption(socket, messages, caller, () -> sockets.closed(socket));
              }
            });
          }));
    }
  }

  @Override
  public Future<?> stop() {
    library.library().whenReady(videoId -> { });
    library.library().spokenWords(SpokenWords.NONE);
    return work.undeploy();
  }
}
