package dev.livelens.config;

/**
 * Limits of rooms and calls.
 *
 * @param maxRoomSize people in one room at once; one more is refused with room_full
 * @param maxRoomsPerUser open rooms one person may have created at once (calls not counted)
 */
public record RoomsConfig(int maxRoomSize, int maxRoomsPerUser) {
}
