package dev.livelens;

import dev.livelens.account.AccountServices;
import dev.livelens.analytics.AnalyticsFeature;
import dev.livelens.config.LiveLensConfig;
import dev.livelens.db.DatabaseFeature;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.http.OpsFeature;
import dev.livelens.library.LibraryFeature;
import dev.livelens.library.jobs.JobsFeature;
import dev.livelens.media.MediaFeature;
import dev.livelens.metrics.DashboardFeature;
import dev.livelens.metrics.PipelineMetrics;
import dev.livelens.record.RecordingFeature;
import dev.livelens.rooms.RoomsFeature;
import dev.livelens.social.SocialFeature;
import dev.livelens.social.comments.CommentsFeature;
import dev.livelens.social.moderation.ModerationFeature;
import dev.livelens.social.sharing.SharingFeature;
import dev.livelens.stream.StreamFeature;
import dev.livelens.subtitles.SubtitlesFeature;
import dev.livelens.upload.Uploads;
import dev.livelens.upload.UploadsFeature;
import dev.livelens.vision.JpegCodec;
import dev.livelens.web.Feature;
import dev.livelens.web.MetricsAccess;
import dev.livelens.web.OpenSockets;
import dev.livelens.web.SocketLimits;
import dev.livelens.worker.WorkersFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The features a node's role runs, in start order, each after the ones it uses: the workers, then what an
 * HTTP node serves, with ops last. The handles that the server, tests and embedders reach for are kept by
 * name; a handle is null when the role does not run that feature.
 */
final class RoleFeatures {

  final List<Feature> inOrder = new ArrayList<>();
  final OpsFeature ops;
  /** The stream and room sockets, told (1001) when the node stops. */
  final OpenSockets sockets = new OpenSockets();
  /** Sockets per address on each path and the bytes of incomplete messages, for every event loop. */
  final SocketLimits socketLimits;
  WorkersFeature workers;
  LibraryFeature library;
  AccountServices accounts;
  AnalyticsFeature analytics;
  StreamFeature stream;
  RecordingFeature recording;
  UploadsFeature uploads;
  CommentsFeature comments;
  SocialFeature social;

  RoleFeatures(LiveLensConfig config, FilterCatalog catalog, PipelineMetrics metrics, Supplier<JpegCodec> codecs,
      OpsFeature ops) {
    this.ops = ops;
    this.socketLimits = SocketLimits.of(config.sockets(), config.maxConnections());
    if (config.role().runsWorkers()) {
      workers = new WorkersFeature(catalog, codecs, config.jpegQuality(), metrics, config.cluster().nodeName(),
          config.workers());
      inOrder.add(workers);
    }
    if (config.role().runsHttp()) {
      addHttpFeatures(config, catalog, metrics, codecs);
    }
  }

  private void addHttpFeatures(LiveLensConfig config, FilterCatalog catalog, PipelineMetrics metrics,
      Supplier<JpegCodec> codecs) {
    Path dataDir = config.storage().dataDir();
    DatabaseFeature database = new DatabaseFeature(dataDir, config.database());
    MediaFeature media = new MediaFeature(List.of(LibraryFeature.mediaRoot(dataDir), Uploads.root(config.storage())),
        config.storage().maxDataBytes());
    accounts = new AccountServices(config, database);
    library = new LibraryFeature(config, database, media, accounts::signedInUsers);
    accounts.deleteGuestsThings(library.ownedThings());
    social = new SocialFeature(database, library, accounts::signedInUsers);
    accounts.deleteGuestsThings(social.ownedThings());
    recording = new RecordingFeature(library, media, codecs, config.storage());
    uploads = new UploadsFeature(config.storage(), library, media, accounts::signedInUsers);
    stream = new StreamFeature(config, catalog, metrics, recording::recordings, accounts::signedInUsers, sockets);
    JobsFeature jobs = new JobsFeature(database, media, library, catalog, config, accounts::signedInUsers);
    accounts.moveGuestsThings(library.movableThings());
    accounts.moveGuestsThings(jobs.movableThings());
    accounts.moveGuestsThings(uploads.movableThings()); // last: told over the bus, outside the transaction
    inOrder.addAll(List.of(database, media, accounts, library, jobs,
        new SubtitlesFeature(config.speech(), config.leases(), config.cluster().nodeName(), dataDir, database, media,
            library, accounts::signedInUsers, sockets), recording, uploads,
        stream, analytics = new AnalyticsFeature(database, library, metrics.registry(), accounts::signedInUsers),
        comments = new CommentsFeature(database, library, accounts::signedInUsers, sockets),
        new ModerationFeature(database, library, comments, accounts::signedInUsers), new SharingFeature(library),
        social,
        new RoomsFeature(config.rooms(), database, accounts::signedInUsers, accounts::knownUsers, sockets),
        new DashboardFeature(metrics.registry(), config.idleTimeoutSeconds(),
            new MetricsAccess(config.edge().metricsToken())), ops));
  }
}
