package dev.livelens.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * The database a test server runs on: SQLite in the server's own data directory (the default), or a
 * fresh PostgreSQL database ({@link TestPostgres}). Tests that must hold on both take one of these, and
 * a subclass runs them again on PostgreSQL.
 */
public interface TestDatabase extends AutoCloseable {

  /** Nothing to add: the server makes its SQLite database in its data directory, which goes with it. */
  TestDatabase SQLITE = () -> List.of();

  /** The server's flags that choose this database. */
  List<String> flags();

  /** {@code flags} with this database's flags after them. */
  default String[] serverFlags(String... flags) {
    List<String> all = new ArrayList<>(List.of(flags));
    all.addAll(flags());
    return all.toArray(String[]::new);
  }

  /** Drops what the test made (a PostgreSQL database); nothing for SQLite. */
  @Override
  default void close() {
  }
}
