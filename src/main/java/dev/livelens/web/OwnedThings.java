package dev.livelens.web;

import io.vertx.core.Future;

/** What a feature keeps of an owner, deleted (with its files) when a guest identity expires without a sign-up. */
@FunctionalInterface
public interface OwnedThings {

  /** Deletes everything {@code ownerId} owns in this feature; completes when it is gone. */
  Future<Void> deleteAllOf(long ownerId);
}
