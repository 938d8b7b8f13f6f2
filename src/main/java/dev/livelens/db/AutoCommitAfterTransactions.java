package dev.livelens.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * SQLite's connections, back in auto-commit once a transaction ends. vertx-jdbc-client 5.0.10 ends a
 * transaction with {@code commit()} (or {@code rollback()}) and then {@code setAutoCommit(false)}
 * ({@code JDBCTxOp}): every statement the connection ran after its first transaction stayed in an open
 * transaction until the next one committed, so the read connections did not see it and a crash lost it.
 * Here the {@code setAutoCommit(false)} that follows an end is turned into {@code true}.
 */
final class AutoCommitAfterTransactions implements DataSource {

  private final DataSource connections;

  AutoCommitAfterTransactions(DataSource connections) {
    this.connections = connections;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return restoring(connections.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return restoring(connections.getConnection(user, password));
  }

  private static Connection restoring(Connection connection) {
    InvocationHandler handler = new InvocationHandler() {
      private boolean ended;

      @Override
      public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Object[] actual = args;
        if (method.getName().equals("setAutoCommit") && ended && Boolean.FALSE.equals(args[0])) {
          actual = new Object[] {true};
        }
        ended = method.getName().equals("commit") || method.getName().equals("rollback")
            && (args == null || args.length == 0);
        try {
          return method.invoke(connection, actual);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    };
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        handler);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return connections.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    connections.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    connections.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return connections.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return connections.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return connections.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return connections.isWrapperFor(type);
  }
}
