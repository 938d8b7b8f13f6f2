package dev.livelens.db;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The project's statements for PostgreSQL: they are written once, with JDBC's {@code ?} placeholders, and
 * PostgreSQL wants {@code $1, $2, ...}. Each statement is rewritten once and remembered. A {@code ?} inside
 * a string literal, a quoted name or a comment is text, not a placeholder.
 */
final class PostgresStatements {

  /** Statements built per call (a batch's OR clauses) must not grow the cache without end. */
  private static final int MAX_REMEMBERED = 4096;
  private static final Map<String, String> REWRITTEN = new ConcurrentHashMap<>();

  private PostgresStatements() {
  }

  static String of(String sql) {
    String known = REWRITTEN.get(sql);
    if (known != null) {
      return known;
    }
    String rewritten = numbered(sql);
    if (REWRITTEN.size() < MAX_REMEMBERED) {
      REWRITTEN.put(sql, rewritten);
    }
    return rewritten;
  }

  static String numbered(String sql) {
    StringBuilder out = new StringBuilder(sql.length() + 16);
    int placeholders = 0;
    int i = 0;
    while (i < sql.length()) {
      int end = skipped(sql, i);
      if (end > i) {
        out.append(sql, i, end);
        i = end;
        continue;
      }
      char c = sql.charAt(i++);
      if (c == '?') {
        out.append('$').append(++placeholders);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Where the literal, quoted name or comment starting at {@code i} ends; {@code i} when none starts there. */
  private static int skipped(String sql, int i) {
    char c = sql.charAt(i);
    if (c == '\'' || c == '"') {
      int close = sql.indexOf(c, i + 1); // a doubled quote inside is two literals back to back: same result
      return close < 0 ? sql.length() : close + 1;
    }
    if (sql.startsWith("--", i)) {
      int newline = sql.indexOf('\n', i);
      return newline < 0 ? sql.length() : newline + 1;
    }
    if (sql.startsWith("/*", i)) {
      int close = sql.indexOf("*/", i + 2);
      return close < 0 ? sql.length() : close + 2;
    }
    return i;
  }
}
