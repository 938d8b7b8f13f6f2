package dev.livelens.rooms;

/** A refusal a person can act on: its code and message go to the socket as an error, nothing else changes. */
final class RoomProblem extends RuntimeException {

  final String code;

  RoomProblem(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }
}
