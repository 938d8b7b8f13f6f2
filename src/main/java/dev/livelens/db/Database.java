package dev.livelens.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The server's database: SQLite in the data directory, its schema brought up to date by Flyway at
 * start-up, used through Vert.x's JDBC pool (whose blocking calls run on Vert.x's worker pool, never an
 * event loop). WAL mode lets readers go on while the one writer writes. The SQL in the migrations and
 * the repositories is kept portable, so PostgreSQL can run the same for a cluster.
 */
public final class Database {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  public static final String FILE_NAME = "livelens.db";
  /**
   * SQLite has one writer. With several connections, concurrent writers failed with SQLITE_BUSY under load
   * (128 players' analytics batches) despite the busy timeout; with one, statements queue in the pool
   * instead, and each is short (the aggregates keep reads small).
   */
  private static final int CONNECTIONS = 1;
  /** WAL lets readers read beside the writer: reads neither wait behind a write nor hold the writer up. */
  private static final int READ_CONNECTIONS = 2;
  private static final int BUSY_TIMEOUT_MS = 10_000;

  private final Pool pool;
  private final Pool reads;

  private Database(Pool pool, Pool reads) {
    this.pool = pool;
    this.reads = reads;
  }

  /** Creates the data directory and database if needed, migrates the schema, opens the pool. */
  public static Future<Database> open(Vertx vertx, Path dataDir) {
    return vertx.executeBlocking(() -> {
      Files.createDirectories(dataDir);
      SQLiteDataSource dataSource = dataSource(dataDir.resolve(FILE_NAME), false);
      int applied = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load()
          .migrate().migrationsExecuted;
      LOG.info("database {}: {} migrations applied", dataDir.resolve(FILE_NAME), applied);
      return new Database(JDBCPool.pool(vertx, dataSource, new PoolOptions().setMaxSize(CONNECTIONS)
          .setName("livelens-db")), JDBCPool.pool(vertx, dataSource(dataDir.resolve(FILE_NAME), true),
          new PoolOptions().setMaxSize(READ_CONNECTIONS).setName("livelens-db-reads")));
    });
  }

  private static SQLiteDataSource dataSource(Path file, boolean readOnly) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(readOnly);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL); // with WAL: durable at each checkpoint, fast
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return dataSource;
  }

  /** For writes, and for reads that must see a transaction's own writes. */
  public Pool pool() {
    return pool;
  }

  /** For reads outside a transaction: they run beside the writer, never behind it. */
  public Pool reads() {
    return reads;
  }

  public Future<Void> close() {
    return Future.all(pool.close(), reads.close()).mapEmpty();
  }
}
