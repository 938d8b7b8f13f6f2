package dev.livelens.social;

import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Placeholders for an {@code IN (...)} list of values, and the tuple that fills them. */
final class SqlLists {

  private SqlLists() {
  }

  static String marks(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  static Tuple tuple(Object first, List<?> rest) {
    List<Object> values = new ArrayList<>(rest.size() + 1);
    if (first != null) {
      values.add(first);
    }
    values.addAll(rest);
    return Tuple.wrap(values);
  }
}
