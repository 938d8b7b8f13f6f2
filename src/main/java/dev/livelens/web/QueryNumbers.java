package dev.livelens.web;

import io.vertx.ext.web.RoutingContext;

/** Whole numbers from a request's query (a page's offset and limit). */
public final class QueryNumbers {

  private QueryNumbers() {
  }

  /** The parameter {@code name}, or {@code fallback} when absent; -1 when it is not a whole number or above {@code max}. */
  public static int of(RoutingContext ctx, String name, int fallback, int max) {
    String text = ctx.request().getParam(name);
    try {
      int value = text == null ? fallback : Integer.parseInt(text);
      return value > max ? -1 : value;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
