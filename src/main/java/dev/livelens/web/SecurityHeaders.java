package dev.livelens.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Headers every response carries, so the page cannot be framed, sniffed or fed foreign scripts. */
public final class SecurityHeaders implements Handler<RoutingContext> {

  /** media-src data: for the empty {@code data:,WEBVTT} track hls.js makes to show a playlist's subtitles in. */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; "
      + "media-src 'self' blob: mediastream: data:; connect-src 'self' ws: wss:; style-src 'self'; "
      + "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

  /**
   * The same policy but for who may frame the page: any site. Only for a page made to be embedded (a video's
   * player alone); every other response keeps {@code frame-ancestors 'none'} and {@code X-Frame-Options: DENY}.
   */
  public static final String FRAMABLE_CONTENT_SECURITY_POLICY =
      CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors *");

  /** Lets other sites frame this one response (see {@link #FRAMABLE_CONTENT_SECURITY_POLICY}). */
  public static void allowFraming(HttpServerResponse response) {
    response.headers().set("Content-Security-Policy", FRAMABLE_CONTENT_SECURITY_POLICY).remove("X-Frame-Options");
  }

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
