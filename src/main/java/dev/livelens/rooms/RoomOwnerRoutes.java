package dev.livelens.rooms;

import dev.livelens.web.Failures;
import dev.livelens.web.Problem;
import dev.livelens.web.RandomIds;
import dev.livelens.web.SignedInUsers;
import dev.livelens.web.User;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What a room's owner (or an admin) may do to it, checked on the server: close it
 * ({@code DELETE /api/rooms/<id>}) and remove a member ({@code DELETE /api/rooms/<id>/members/<user id>}).
 * The members' sockets in it are closed with a code and reason saying so. Anyone else: 401 without an
 * account, 404 for a room they cannot know (none, or a call they are not in), 403 for one they can see.
 */
final class RoomOwnerRoutes {

  private final RoomServices services;
  private final SignedInUsers users;

  RoomOwnerRoutes(RoomServices services, SignedInUsers users) {
    this.services = services;
    this.users = users;
  }

  void mount(Router router) {
    router.delete("/api/rooms/:id").handler(this::close);
    router.delete("/api/rooms/:id/members/:user").handler(this::remove);
  }

  private void close(RoutingContext ctx) {
    owned(ctx).compose(room -> services.rooms().close(room.id()))
        .onSuccess(done -> ctx.response().setStatusCode(204).end()).onFailure(error -> Failures.answer(ctx, error));
  }

  private void remove(RoutingContext ctx) {
    owned(ctx).compose(room -> {
      long member = member(ctx.pathParam("user"));
      if (member == room.owner()) {
        throw Problem.badRequest("bad_request", "you own this room: close it instead of removing yourself");
      }
      if (room.member(member).isEmpty()) {
        throw new Problem(404, "not_found", "that person is not in this room");
      }
      return services.rooms().remove(room.id(), member);
    }).onSuccess(done -> ctx.response().setStatusCode(204).end()).onFailure(error -> Failures.answer(ctx, error));
  }

  /** The room the path names, when the caller owns it (or is an admin); else the refusal. */
  private Future<Room> owned(RoutingContext ctx) {
    User caller = users.of(ctx.request()).filter(user -> !user.guest()).orElse(null);
    if (caller == null) {
      return Future.failedFuture(new Problem(401, "not_signed_in", "sign in at /account to manage your rooms"));
    }
    String id = ctx.pathParam("id");
    if (!RandomIds.LONG.isValid(id)) {
      return Future.failedFuture(notFound(id));
    }
    return services.rooms().find(id).recover(unknown -> Future.failedFuture(notFound(id))).map(room -> {
      if (room.call() && !room.invited().contains(caller.id()) && !caller.admin()) {
        throw notFound(id);
      }
      if (room.owner() != caller.id() && !caller.admin()) {
        throw new Problem(403, "forbidden", "only the room's owner can close it or remove people from it");
      }
      return room;
    });
  }

  private static long member(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new Problem(404, "not_found", "that person is not in this room");
    }
  }

  private static Problem notFound(String id) {
    return new Problem(404, "not_found", "there is no room " + id + " (it ended, or its link is wrong)");
  }
}
