package dev.livelens.rooms;

import dev.livelens.web.RandomIds;

import dev.livelens.web.Problem;

import dev.livelens.web.User;
import dev.livelens.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Calls: a call is a room of two that only its two people may join. The caller's page joins it at once;
 * the other person's tabs hear of it on {@link Addresses#user} and accept (join) or decline (it ends).
 */
final class CallSignals {

  private final RoomServices services;
  private final User caller;

  CallSignals(RoomServices services, User caller) {
    this.services = services;
    this.caller = caller;
  }

  Future<Room> call(long to) {
    if (to == caller.id()) {
      return Future.failedFuture(Problem.badRequest("bad_message", "you cannot call yourself"));
    }
    return services.rooms().create(caller, "Call with " + caller.username(), true, List.of(caller.id(), to))
        .onSuccess(room -> services.vertx().eventBus().publish(Addresses.user(to), new JsonObject()
            .put("type", "incoming").put("room", room.id())
            .put("from", new JsonObject().put("id", caller.id()).put("name", caller.username()))));
  }

  Future<Void> decline(Object roomId) {
    if (!RandomIds.LONG.isValid(roomId)) {
      return Future.failedFuture(Problem.badRequest("unknown_room", "there is no call " + roomId));
    }
    return services.rooms().find((String) roomId).compose(room -> {
      if (!room.call() || !room.invited().contains(caller.id())) {
        return Future.failedFuture(Problem.badRequest("not_invited", "that is not a call to you"));
      }
      JsonObject declined = new JsonObject().put("type", "declined").put("room", room.id())
          .put("by", new JsonObject().put("id", caller.id()).put("name", caller.username()));
      room.invited().stream().filter(id -> id != caller.id())
          .forEach(id -> services.vertx().eventBus().publish(Addresses.user(id), declined));
      return services.rooms().end(room.id());
    });
  }
}
