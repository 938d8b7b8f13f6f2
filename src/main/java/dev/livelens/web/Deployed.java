package dev.livelens.web;

import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * A verticle a feature deployed for its node-wide state: its timers and consumers live on its context, so
 * undeploying it at the feature's stop releases them all.
 */
public final class Deployed {

  /** Before a start, or when there was nothing to deploy: undeploying does nothing. */
  public static final Deployed NOTHING = new Deployed(null, null);

  private final Vertx vertx;
  private final String id;

  private Deployed(Vertx vertx, String id) {
    this.vertx = vertx;
    this.id = id;
  }

  public static Future<Deployed> deploy(Vertx vertx, Deployable verticle) {
    return vertx.deployVerticle(verticle).map(id -> new Deployed(vertx, id));
  }

  public Future<Void> undeploy() {
    return id == null ? Future.succeededFuture() : vertx.undeploy(id);
  }
}
