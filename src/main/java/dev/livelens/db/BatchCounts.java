package dev.livelens.db;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

/**
 * How many rows each item of an executed batch changed. The clients say it differently: Vert.x's JDBC
 * client answers one result whose rows hold the items' update counts, the PostgreSQL client one result
 * per item, chained.
 */
public final class BatchCounts {

  private BatchCounts() {
  }

  public static int[] perItem(RowSet<Row> result, int items) {
    int[] counts = new int[items];
    if (result.next() == null && result.size() == items) {
      int i = 0;
      for (Row row : result) {
        counts[i++] = row.getInteger(0);
      }
      return counts;
    }
    RowSet<Row> item = result;
    for (int i = 0; i < items; i++) {
      counts[i] = item.rowCount();
      item = item.next();
    }
    return counts;
  }
}
