package dev.livelens.library;

import io.vertx.ext.web.Router;

/** The library's pages: the grid of videos and one video's player; both are static files reading the API. */
public final class LibraryPages {

  private LibraryPages() {
  }

  /** Mount before the catch-all static handler. */
  public static void mount(Router router) {
    router.get("/library").handler(ctx -> ctx.reroute("/library.html"));
    router.get("/watch/:id").handler(ctx -> ctx.reroute("/watch.html"));
  }
}
