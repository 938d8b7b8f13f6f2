package dev.livelens.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.PrepareOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;

/**
 * What the PostgreSQL pool and its connections share: the project's {@code ?} statements numbered for
 * PostgreSQL on the way in (see {@link PostgresStatements}); everything else passed on as it is.
 */
abstract class PostgresClient<C extends SqlClient> implements SqlClient {

  protected final C client;

  PostgresClient(C client) {
    this.client = client;
  }

  @Override
  public Query<RowSet<Row>> query(String sql) {
    return client.query(sql);
  }

  @Override
  public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
    return client.preparedQuery(PostgresStatements.of(sql));
  }

  @Override
  public PreparedQuery<RowSet<Row>> preparedQuery(String sql, PrepareOptions options) {
    return client.preparedQuery(PostgresStatements.of(sql), options);
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }
}
