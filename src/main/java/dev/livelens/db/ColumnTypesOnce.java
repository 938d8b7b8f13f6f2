package dev.livelens.db;

import io.vertx.jdbcclient.impl.actions.JDBCColumnDescriptor;
import io.vertx.jdbcclient.spi.JDBCColumnDescriptorProvider;
import io.vertx.jdbcclient.spi.JDBCDecoderImpl;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Vert.x's JDBC decoder, asking a result's column types once per result instead of once per value.
 * The stock decoder describes every column again for every row, and SQLite's driver answers each time by
 * matching the declared type with a regular expression: half the CPU of reading a video's analytics (3,600
 * rows of per-second counts) went there. A column whose first value was NULL is asked again, since SQLite
 * types an undeclared column (an expression) by its value. Found by Vert.x through META-INF/services.
 */
public final class ColumnTypesOnce extends JDBCDecoderImpl {

  /** The columns of the result being decoded on this thread (one result at a time per connection thread). */
  private static final ThreadLocal<Columns> CURRENT = ThreadLocal.withInitial(Columns::new);

  private static final class Columns {
    JDBCColumnDescriptorProvider result;
    JDBCColumnDescriptor[] described = new JDBCColumnDescriptor[0];
  }

  @Override
  public Object parse(ResultSet rs, int pos, JDBCColumnDescriptorProvider provider) throws SQLException {
    return decode(describe(pos, provider), type -> type == null ? rs.getObject(pos) : rs.getObject(pos, type));
  }

  private static JDBCColumnDescriptor describe(int pos, JDBCColumnDescriptorProvider provider) throws SQLException {
    Columns columns = CURRENT.get();
    if (columns.result != provider) {
      columns.result = provider; // a new result: the provider is made afresh for each one
      columns.described = new JDBCColumnDescriptor[Math.max(8, columns.described.length)];
    }
    if (pos >= columns.described.length) {
      columns.described = Arrays.copyOf(columns.described, pos * 2);
    }
    JDBCColumnDescriptor known = columns.described[pos];
    if (known != null) {
      return known;
    }
    JDBCColumnDescriptor asked = provider.apply(pos);
    if (asked != null && asked.jdbcType() != JDBCType.NULL) {
      columns.described[pos] = asked;
    }
    return asked;
  }
}
