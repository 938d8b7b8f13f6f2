package dev.livelens.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Headers every response carries, so the page cannot be framed, sniffed or fed foreign scripts. */
public final class SecurityHeaders implements Handler<RoutingContext> {

  /** media-src data: for the empty {@code data:,WEBVTT} track hls.js makes to show a playlist's subtitles in. */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; "
      + "media-src 'self' blob: mediastream: data:; connect-src 'self' ws: wss:; style-src 'self'; "
      + "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response().headers()
        .set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .set("X-Content-Type-Options", "nosniff")
        .set("Referrer-Policy", "no-referrer")
        .set("X-Frame-Options", "DENY");
    ctx.next();
  }
}
