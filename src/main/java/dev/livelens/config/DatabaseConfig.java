package dev.livelens.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * Which database holds the server's state: SQLite in the data directory (no URL, one node), or a
 * PostgreSQL server that every node of a cluster shares.
 *
 * @param postgres where PostgreSQL runs, or empty for SQLite
 * @param poolSize connections to PostgreSQL (SQLite always has one: it has one writer)
 */
public record DatabaseConfig(Optional<Postgres> postgres, int poolSize) {

  static final List<Option> OPTIONS = List.of(
      Option.of("db-url", "", "PostgreSQL for state shared by a cluster's nodes: postgresql://host[:port]/database "
          + "(empty: SQLite in --data-dir, for one node)"),
      Option.of("db-user", "", "PostgreSQL user (wins over one in --db-url)"),
      Option.of("db-password", "", "PostgreSQL password (wins over one in --db-url; never printed)"),
      Option.of("db-pool-size", "8", "connections to PostgreSQL per node"));

  /** A PostgreSQL server and who to be there. The password never appears in {@link #toString()}. */
  public record Postgres(String host, int port, String database, String user, String password) {

    public static final int DEFAULT_PORT = 5432;

    /** The same server for the JDBC driver, which Flyway's migrations use. */
    public String jdbcUrl() {
      return "jdbc:postgresql://" + hostForUrl() + ":" + port + "/" + database;
    }

    /** Enough to say which database is meant in a log line, nothing secret. */
    public String describe() {
      return "postgresql://" + hostForUrl() + ":" + port + "/" + database;
    }

    private String hostForUrl() {
      return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
      return describe() + " as " + user + (password.isEmpty() ? "" : " (password set)");
    }
  }

  /**
   * Reads {@code --db-url} as {@code postgresql://[user[:password]@]host[:port]/database} (also
   * {@code postgres://} and {@code jdbc:postgresql://}); {@code user} and {@code password}, when not
   * empty, win over the URL's. An empty URL means SQLite.
   */
  static DatabaseConfig parse(String url, String user, String password, int poolSize) {
    if (url.isBlank()) {
      return new DatabaseConfig(Optional.empty(), poolSize);
    }
    URI uri = uri(url.trim());
    String database = uri.getRawPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (uri.getHost() == null || database.isEmpty() || database.contains("/")) {
      throw usage("needs a host and a database");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw usage("takes no parameters after the database name");
    }
    String[] userInfo = uri.getUserInfo() == null ? new String[0] : uri.getUserInfo().split(":", 2);
    String urlUser = userInfo.length > 0 ? userInfo[0] : "";
    String urlPassword = userInfo.length > 1 ? userInfo[1] : "";
    String finalUser = user.isEmpty() ? urlUser : user;
    if (finalUser.isEmpty()) {
      throw new LiveLensConfig.UsageException("--db-url needs a user: --db-user, or user@ in the URL");
    }
    String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
        : uri.getHost();
    return new DatabaseConfig(Optional.of(new Postgres(host, uri.getPort() < 0 ? Postgres.DEFAULT_PORT : uri.getPort(),
        database, finalUser, password.isEmpty() ? urlPassword : password)), poolSize);
  }

  private static URI uri(String url) {
    String withoutJdbc = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
    URI uri;
    try {
      uri = new URI(withoutJdbc);
    } catch (URISyntaxException e) {
      throw usage("is not a URL");
    }
    if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
      throw usage("must start with postgresql://");
    }
    return uri;
  }

  /** The URL itself is left out of the message: it may hold a password. */
  private static LiveLensConfig.UsageException usage(String problem) {
    return new LiveLensConfig.UsageException("--db-url " + problem
        + " (postgresql://host[:port]/database, or leave it out for SQLite in --data-dir)");
  }
}
