package dev.livelens.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/** An answer sent before the request's whole body came (a refusal, a node stopping): how the connection ends. */
public final class EarlyAnswers {

  /** How long the rest of a refused body is still read (and dropped) before the connection closes. */
  private static final long LINGER_MS = 2_000;

  private EarlyAnswers() {
  }

  /**
   * Once the answer's headers go, the rest of the body is read and dropped, and an HTTP/1.1 connection ends
   * (its next request could not be found in the stream): when the body has ended, or after LINGER_MS.
   * Closing at once, with the body still coming, resets the connection: a client still writing would lose
   * the answer ("no bytes") instead of reading why it was refused.
   */
  public static void closeAfterTheBody(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    boolean http1 = request.version() != HttpVersion.HTTP_2;
    ctx.response().headersEndHandler(v -> {
      if (!request.isEnded()) {
        if (http1) {
          ctx.response().putHeader("Connection", "close");
        }
        request.handler(null).resume();
      }
    });
    ctx.response().endHandler(v -> {
      if (http1 && !request.isEnded()) {
        long linger = ctx.vertx().setTimer(LINGER_MS, t -> request.connection().close());
        request.endHandler(end -> {
          ctx.vertx().cancelTimer(linger);
          request.connection().close();
        });
      }
    });
  }
}
