package dev.livelens.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import javax.sql.DataSource;

/**
 * SQLite connections that go back to auto-commit once a transaction ends. vertx-jdbc-client 5.0 ends every
 * {@code withTransaction} with {@code setAutoCommit(false)}, after the COMMIT or ROLLBACK too (its
 * {@code JDBCTxOp}; vert-x3/vertx-jdbc-client#356), so every later statement of that pooled connection ran
 * in a transaction nobody committed: the one writer's likes, renames and deletions were invisible to the
 * read connections, and lost on a crash, until some later transaction committed them by chance.
 */
final class AutoCommitRestored implements InvocationHandler {

  private final Connection connection;
  private boolean ended;

  private AutoCommitRestored(Connection connection) {
    this.connection = connection;
  }

  static DataSource of(DataSource source) {
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object result = call(method, source, args);
          return result instanceof Connection c ? Proxy.newProxyInstance(Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class}, new AutoCommitRestored(c)) : result;
        });
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    boolean noArgs = args == null || args.length == 0;
    if (name.equals("setAutoCommit") && Boolean.FALSE.equals(args[0]) && ended) {
      ended = false; // the transaction is over: back to auto-commit instead
      connection.setAutoCommit(true);
      return null;
    }
    Object result = call(method, connection, args);
    ended = noArgs && (name.equals("commit") || name.equals("rollback"));
    return result;
  }

  private static Object call(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
