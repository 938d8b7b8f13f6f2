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
  private final Pool reads;
  private final boolean shared;

  Database(Pool pool, Pool reads, boolean shared) {
    this.pool = pool;
    this.reads = reads;
    this.shared = shared;
  }

  /** PostgreSQL when {@code config} names one, else SQLite in {@code dataDir}; migrated before it is used. */
  public static Future<Database> open(Vertx vertx, Path dataDir, DatabaseConfig config) {
    return config.postgres()
        .map(server -> PostgresDatabase.open(vertx, server, config.poolSize()).map(pool -> new Database(pool, pool, true)))
        .orElseGet(() -> SqliteDatabase.open(vertx, dataDir));
  }

  /** For writes, and for reads that must see a transaction's own writes. */
  public Pool pool() {
    return pool;
  }

  /**
   * For reads outside a transaction: they run beside the writer, never behind it (SQLite's own read-only
   * connections; PostgreSQL's pool serves both).
   */
  public Pool reads() {
    return reads;
  }

  /** Whether other nodes may use this database (PostgreSQL); SQLite in the data directory is this node's own. */
  public boolean shared() {
    return shared;
  }

  public Future<Void> close() {
    return reads == pool ? pool.close() : Future.all(pool.close(), reads.close()).mapEmpty();
  }
}
