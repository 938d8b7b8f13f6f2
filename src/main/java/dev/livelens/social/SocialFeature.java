package dev.livelens.social;

import dev.livelens.db.Database;
import dev.livelens.db.DatabaseFeature;
import dev.livelens.library.LibraryFeature;
import dev.livelens.library.Videos;
import dev.livelens.web.Deployed;
import dev.livelens.web.Feature;
import dev.livelens.web.Mounts;
import dev.livelens.web.OwnedThings;
import dev.livelens.web.SignedInUsers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The social side of the library (docs/social.md): likes, video replies, profiles and following, the feed
 * and its ranking. Node-wide: the tables' classes and the score board, refreshed by a verticle of its own;
 * per event loop: the routes.
 */
public final class SocialFeature implements Feature {

  /** How often the ranking's measurements are summed again. */
  static final long REFRESH_MS = 30_000;

  private final DatabaseFeature database;
  private final LibraryFeature library;
  private final Supplier<SignedInUsers> users;
  private final ChangeBudgets budgets = new ChangeBudgets();
  private final AtomicReference<ScoreBoard> board = new AtomicReference<>(ScoreBoard.EMPTY);
  private Database db;
  private Likes likes;
  private Follows follows;
  private VideoSocialRoutes videoRoutes;
  private PeopleRoutes peopleRoutes;
  private Deployed refresher = Deployed.NOTHING;

  public SocialFeature(DatabaseFeature database, LibraryFeature library, Supplier<SignedInUsers> users) {
    this.database = database;
    this.library = library;
    this.users = users;
  }

  @Override
  public Future<?> start(Vertx vertx) {
    db = database.database();
    // Reads beside the writer (SQLite's read connections): each statement sees every committed write, so a
    // video made private is gone at once; a like's own count is read through the writer's pool.
    Pool pool = db.pool();
    Pool reads = db.reads();
    Videos videos = new Videos(reads);
    likes = new Likes(pool, reads);
    Replies replies = new Replies(pool, reads);
    follows = new Follows(pool, reads);
    SocialExtras extras = new SocialExtras(likes, replies, videos);
    library.extendedBy(extras);
    ShownVideos shown = new ShownVideos(videos, extras);
    SignedInUsers signedIn = users.get();
    // Permissions read the row as the writer has it: a change of visibility counts at once.
    videoRoutes = new VideoSocialRoutes(library.library().videos(), signedIn, likes, replies, shown,
        new Engagement(reads));
    peopleRoutes = new PeopleRoutes(signedIn, new Profiles(reads), follows,
        new Feed(reads, follows, shown, board::get), shown);
    // The sums read every public video's views: beside the writer, never holding likes up behind them.
    return Deployed.deploy(vertx, new ScoreRefresher(reads, REFRESH_MS, board))
        .onSuccess(done -> refresher = done);
  }

  @Override
  public void mount(Mounts mounts) {
    Router router = mounts.router();
    videoRoutes.mount(router, budgets);
    peopleRoutes.mount(router, budgets);
  }

  @Override
  public Future<?> stop() {
    return refresher.undeploy();
  }

  /** The likes and follows of a guest that expired (registered before start, run after it). */
  public OwnedThings ownedThings() {
    return userId -> likes.forget(userId).compose(done -> follows.forget(userId));
  }

  /** The database (tests seed watch analytics through it). */
  Database database() {
    return db;
  }

  /** Sums the measurements again now, without waiting for the next refresh (tests, benchmarks). */
  public Future<Void> refreshScores() {
    return ScoreBoard.load(db.reads()).onSuccess(board::set).mapEmpty();
  }
}
