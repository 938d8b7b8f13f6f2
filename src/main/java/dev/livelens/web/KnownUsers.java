package dev.livelens.web;

import io.vertx.core.Future;

/** Whether an account exists, for a feature that takes a person's id from a client (a direct message). */
public interface KnownUsers {
  Future<Boolean> exists(long userId);
}
