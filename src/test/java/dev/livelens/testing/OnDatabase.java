package dev.livelens.testing;

/**
 * A test class whose servers run on {@link #database()}: SQLite unless a subclass also implements
 * {@link OnPostgres}, which runs every test of the class again on PostgreSQL.
 */
public interface OnDatabase {

  /** A database for this test's servers; the caller closes it. */
  default TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
