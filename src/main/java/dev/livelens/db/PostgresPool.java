package dev.livelens.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

/**
 * The PostgreSQL pool as repositories see it: the same {@code ?} statements as on SQLite, on the pool and
 * on the connections it lends. Pool's own transaction helpers build on {@link #getConnection()}, so
 * statements inside {@code withTransaction} are numbered too.
 */
final class PostgresPool extends PostgresClient<Pool> implements Pool {

  PostgresPool(Pool pool) {
    super(pool);
  }

  @Override
  public Future<SqlConnection> getConnection() {
    return client.getConnection().map(PostgresConnection::new);
  }

  @Override
  public int size() {
    return client.size();
  }
}
