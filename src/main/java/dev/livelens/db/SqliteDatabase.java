package dev.livelens.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Path;
import dev.livelens.config.PrivateFiles;
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
  /** WAL lets readers read beside the writer: reads neither wait behind a write nor hold the writer up. */
  private static final int READ_CONNECTIONS = 2;
  private static final int BUSY_TIMEOUT_MS = 10_000;

  private SqliteDatabase() {
  }

  /** Creates the data directory and database if needed, migrates the schema, opens the pools. */
  static Future<Database> open(Vertx vertx, Path dataDir) {
    return vertx.executeBlocking(() -> {
      PrivateFiles.directory(dataDir);
      // SQLite gives the -wal and -shm files the mode of the database file: owner-only from the start.
      PrivateFiles.createFile(dataDir.resolve(FILE_NAME));
      SQLiteDataSource dataSource = dataSource(dataDir.resolve(FILE_NAME), false);
      int applied = Migrations.migrate(dataSource);
      for (String suffix : new String[] {"-wal", "-shm"}) {
        PrivateFiles.file(dataDir.resolve(FILE_NAME + suffix));
      }
      LOG.info("database {}: {} migrations applied", dataDir.resolve(FILE_NAME), applied);
      Pool writes = JDBCPool.pool(vertx, AutoCommitRestored.of(dataSource), new PoolOptions().setMaxSize(CONNECTIONS)
          .setName(Database.POOL_NAME));
      Pool reads = JDBCPool.pool(vertx, dataSource(dataDir.resolve(FILE_NAME), true),
          new PoolOptions().setMaxSize(READ_CONNECTIONS).setName(Database.POOL_NAME + "-reads"));
      return new Database(writes, reads, false);
    }, false);
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
}
