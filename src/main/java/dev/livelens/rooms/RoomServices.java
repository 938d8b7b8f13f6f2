package dev.livelens.rooms;

import dev.livelens.config.RoomsConfig;
import dev.livelens.web.KnownUsers;
import io.vertx.core.Vertx;

/** What every room socket of a node shares. */
record RoomServices(Vertx vertx, RoomsConfig limits, RoomRegistry rooms, Presence presence, PresenceBoard board,
    Chat chat, KnownUsers people) {
}
