package dev.livelens.config;

import java.util.List;
import java.util.Map;

/**
 * What one address and all clients together may hold open on the WebSocket paths besides the stream's own
 * limits (see docs/security.md).
 *
 * @param maxFrameBytes largest single WebSocket frame on any path (larger messages come fragmented: browsers
 *     and Vert.x clients split them); a bigger frame closes the socket with 1009 before it is buffered
 * @param maxSocketsPerAddress sockets one address may hold open on each of /ws/watch, /ws/analytics,
 *     /ws/rooms and /ws/metrics
 * @param maxBufferedMessageBytes bytes of fragmented messages not yet complete, all sockets together
 */
public record SocketsConfig(int maxFrameBytes, int maxSocketsPerAddress, long maxBufferedMessageBytes) {

  static final List<Option> OPTIONS = List.of(
      Option.of("max-websocket-frame-bytes", String.valueOf(256 * 1024), "largest WebSocket frame on any socket; "
          + "longer messages must come fragmented (browsers and Vert.x clients do); a bigger frame closes with 1009"),
      Option.of("max-sockets-per-address", "16", "sockets one client address may hold open on each of /ws/watch, "
          + "/ws/analytics, /ws/rooms and /ws/metrics; more get too_many_sockets and close 1013"),
      Option.of("max-buffered-message-bytes", String.valueOf(32 * 1024 * 1024), "bytes of fragmented WebSocket "
          + "messages still incomplete, all sockets together; a message that does not fit gets busy"));

  static SocketsConfig from(Map<String, String> values) {
    return new SocketsConfig(LiveLensConfig.intValue(values, "--max-websocket-frame-bytes", 4096, 64 << 20),
        LiveLensConfig.intValue(values, "--max-sockets-per-address", 1, 1_000_000),
        LiveLensConfig.intValue(values, "--max-buffered-message-bytes", 1 << 20, Integer.MAX_VALUE));
  }
}
