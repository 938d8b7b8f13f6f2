package dev.livelens.social;

import dev.livelens.db.Database;
import dev.livelens.db.DatabaseFeature;
import dev.livelens.library.LibraryFeature;
import dev.livelens.library.Videos;
import dev.livelens.web.Deployed;
import dev.livelens.web.Feature;
import dev.livelens.web.Mounts;
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
    // Reads go through the writer's pool, as the library's own finds do: on SQLite, a read-only connection
    // was seen to miss writes made after a video was deleted (its snapshot stays behind), and a like must
    // count, and a video made private must vanish, at once.
    Pool pool = db.pool();
    Videos videos = new Videos(pool);
    Likes likes = new Likes(pool, pool);
    Replies replies = new Replies(pool, pool);
    Follows follows = new Follows(pool, pool);
    SocialExtras extras = new SocialExtras(likes, replies, videos);
    library.extendedBy(extras);
    ShownVideos shown = new ShownVideos(videos, extras);
    SignedInUsers signedIn = users.get();
    // Permissions read the row as the writer has it: a change of visibility counts at once.
    videoRoutes = new VideoSocialRoutes(library.library().videos(), signedIn, likes, replies, shown,
        new Engagement(pool));
    peopleRoutes = new PeopleRoutes(signedIn, new Profiles(pool), follows,
        new Feed(pool, follows, shown, board::get), shown);
    return Deployed.deploy(vertx, new ScoreRefresher(pool, REFRESH_MS, board))
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

  /** The database (tests seed watch analytics through it). */
  Database database() {
    return db;
  }

  /** Sums the measurements again now, without waiting for the next refresh (tests, benchmarks). */
  public Future<Void> refreshScores() {
    return ScoreBoard.load(db.pool()).onSuccess(board::set).mapEmpty();
  }
}
