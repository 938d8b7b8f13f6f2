package dev.livelens.db;

import dev.livelens.config.DatabaseConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;

/**
 * The server's database, its schema brought up to date by Flyway at start-up: SQLite in the data
 * directory for one node, or PostgreSQL for the state a cluster's nodes share. Repositories get one
 * {@link Pool} and write portable SQL with {@code ?} placeholders; it runs unchanged on both.
 */
public final class Database {

  public static final String FILE_NAME = SqliteDatabase.FILE_NAME;
  static final String POOL_NAME = "livelens-db";

  private final Pool pool;

  private Database(Pool pool) {
    this.pool = pool;
  }

  /** PostgreSQL when {@code config} names one, else SQLite in {@code dataDir}; migrated before it is used. */
  public static Future<Database> open(Vertx vertx, Path dataDir, DatabaseConfig config) {
    Future<Pool> pool = config.postgres().map(server -> PostgresDatabase.open(vertx, server, config.poolSize()))
        .orElseGet(() -> SqliteDatabase.open(vertx, dataDir));
    return pool.map(Database::new);
  }

  public Pool pool() {
    return pool;
  }

  public Future<Void> close() {
    return pool.close();
  }
}
