package dev.livelens.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** JDBC's placeholders numbered for PostgreSQL, and only the placeholders. */
class PostgresStatementsTest {

  @Test
  void placeholdersAreNumberedInOrder() {
    assertEquals("UPDATE jobs SET state = $1, updated_at = $2 WHERE video_id = $3",
        PostgresStatements.numbered("UPDATE jobs SET state = ?, updated_at = ? WHERE video_id = ?"));
  }

  @Test
  void questionMarksInLiteralsQuotedNamesAndCommentsAreText() {
    assertEquals("SELECT '?', 'it''s ?', \"a?b\" FROM t WHERE x = $1 -- why?\n AND y = $2 /* or? */ AND z = $3",
        PostgresStatements.numbered(
            "SELECT '?', 'it''s ?', \"a?b\" FROM t WHERE x = ? -- why?\n AND y = ? /* or? */ AND z = ?"));
  }

  @Test
  void theProjectsLikeEscapeStaysAsItIs() {
    assertEquals("SELECT COUNT(*) AS n FROM videos WHERE LOWER(title) LIKE $1 ESCAPE '\\'",
        PostgresStatements.numbered("SELECT COUNT(*) AS n FROM videos WHERE LOWER(title) LIKE ? ESCAPE '\\'"));
  }

  @Test
  void aStatementWithoutPlaceholdersIsUnchanged() {
    assertEquals("SELECT 1", PostgresStatements.numbered("SELECT 1"));
    assertEquals("SELECT $1::int", PostgresStatements.numbered("SELECT $1::int"));
  }

  @Test
  void aStatementIsRewrittenOnceAndRemembered() {
    String sql = "SELECT id FROM videos WHERE id = ? AND status = ?";
    assertSame(PostgresStatements.of(sql), PostgresStatements.of(new String(sql)));
  }
}
