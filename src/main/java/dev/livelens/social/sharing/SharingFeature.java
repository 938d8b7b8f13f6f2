package dev.livelens.social.sharing;

import dev.livelens.library.LibraryFeature;
import dev.livelens.web.Feature;
import dev.livelens.web.Mounts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * What sharing a video needs from the server: the watch page with its link preview tags at
 * {@code /watch/<id>}, and the embeddable player at {@code /embed/<id>} (docs/social.md). The two pages'
 * files are read once at start.
 */
public final class SharingFeature implements Feature {

  private final LibraryFeature library;
  private SharePages pages;

  public SharingFeature(LibraryFeature library) {
    this.library = library;
  }

  @Override
  public Future<?> start(Vertx vertx) {
    Future<String> watch = vertx.fileSystem().readFile("webroot/watch.html").map(Object::toString);
    Future<String> embed = vertx.fileSystem().readFile("webroot/embed.html").map(Object::toString);
    return Future.all(watch, embed).onSuccess(read -> pages = new SharePages(library, watch.result(),
        embed.result()));
  }

  @Override
  public void mount(Mounts mounts) {
    Router router = mounts.router();
    router.get("/watch/:id").handler(pages::watch);
    router.get("/embed/:id").handler(pages::embed);
  }
}
