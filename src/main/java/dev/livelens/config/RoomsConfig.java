package dev.livelens.config;

import java.util.List;
import java.util.Map;

/**
 * Limits of rooms and calls.
 *
 * @param maxRoomSize people in one room at once; one more is refused with room_full
 * @param maxRoomsPerUser open rooms one person may have created at once (calls not counted)
 */
public record RoomsConfig(int maxRoomSize, int maxRoomsPerUser) {

  static final List<Option> OPTIONS = List.of(
      Option.of("max-room-size", "8", "people in one room at once (a call is a room of two)"),
      Option.of("max-rooms-per-user", "5", "open rooms one person may have created at once"));

  static RoomsConfig from(Map<String, String> values) {
    return new RoomsConfig(LiveLensConfig.intValue(values, "--max-room-size", 2, 64),
        LiveLensConfig.intValue(values, "--max-rooms-per-user", 1, 1000));
  }
}
