package dev.livelens.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite in the data directory, for one node: used through Vert.x's JDBC pool (whose blocking calls run
 * on Vert.x's worker pool, never an event loop). WAL mode lets readers go on while the one writer writes.
 */
final class SqliteDatabase {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);
  static final String FILE_NAME = "livelens.db";
  /**
   * SQLite has one writer. With several connections, concurrent writers failed with SQLITE_BUSY under load
   * (128 players' analytics batches) despite the busy timeout; with one, statements queue in the pool
   * instead, and each is short (the aggregates keep reads small).
   */
  private static final int CONNECTIONS = 1;
  private static final int BUSY_TIMEOUT_MS = 10_000;

  private SqliteDatabase() {
  }

  /** Creates the data directory and database if needed, migrates the schema, opens the pool. */
  static Future<Pool> open(Vertx vertx, Path dataDir) {
    return vertx.executeBlocking(() -> {
      Files.createDirectories(dataDir);
      SQLiteDataSource dataSource = dataSource(dataDir.resolve(FILE_NAME));
      int applied = Migrations.migrate(dataSource);
      LOG.info("database {}: {} migrations applied", dataDir.resolve(FILE_NAME), applied);
      return JDBCPool.pool(vertx, dataSource, new PoolOptions().setMaxSize(CONNECTIONS).setName(Database.POOL_NAME));
    });
  }

  private static SQLiteDataSource dataSource(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL); // with WAL: durable at each checkpoint, fast
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return dataSource;
  }
}
