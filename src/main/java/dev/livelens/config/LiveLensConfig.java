package dev.livelens.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every setting of the server, read once at startup from flags (first) or environment variables.
 * Behaviour code gets its values from here and never reads the environment itself.
 */
public record LiveLensConfig(
    String host,
    int port,
    int workers,
    int maxFrameBytes,
    int maxImageSide,
    int maxInFlight,
    int frameTimeoutMs,
    int maxWaitMs,
    int jpegQuality,
    String codec,
    int maxConnections,
    int maxConnectionsPerAddress,
    int idleTimeoutSeconds,
    int maxTextMessagesPerSecond,
    int garbageLimit,
    Set<String> allowedOrigins,
    int warmupSeconds) {

  static final List<Option> OPTIONS = List.of(
      Option.of("host", "0.0.0.0", "interface to listen on"),
      Option.of("port", "8080", "HTTP and WebSocket port"),
      Option.of("workers", String.valueOf(Runtime.getRuntime().availableProcessors()),
          "OpenCV worker verticles (default: one per core)"),
      Option.of("max-frame-bytes", String.valueOf(4 * 1024 * 1024),
          "largest message accepted on the stream socket; bigger ones get too_large"),
      Option.of("max-image-side", "4096", "largest width or height of a frame, read from the JPEG header"),
      Option.of("max-in-flight", "2", "frames of one connection being processed at once"),
      Option.of("frame-timeout-ms", "5000", "time a worker has for one frame before the frame is reported busy"),
      Option.of("max-wait-ms", "150", "a frame no worker has taken up this long after it was handed to the "
          + "workers is dropped unprocessed (counted as late): under overload, answered frames stay fresh"),
      Option.of("jpeg-quality", "80", "quality of the processed JPEG frames (1-100)"),
      Option.of("codec", "auto", "JPEG codec: auto, turbojpeg (Debian libturbojpeg0) or opencv"),
      Option.of("max-connections", "2000", "stream connections in total; more get busy"),
      Option.of("max-connections-per-address", "64", "stream connections from one client address; more get busy"),
      Option.of("idle-timeout-seconds", "60", "close a stream socket silent this long (pings every third of it)"),
      Option.of("max-text-messages-per-second", "100", "text messages accepted per connection per second"),
      Option.of("garbage-limit", "200", "bad messages in a row after which a connection is closed"),
      Option.of("allowed-origins", "", "comma-separated extra origins allowed to open /ws/stream (own origin always is)"),
      Option.of("warmup-seconds", "6", "seconds spent streaming bundled frames through every filter over a private "
          + "loopback socket before /healthz reports ready, so the first users get the JIT-compiled speed (0: none)"));

  /** Thrown for unusable flags or values; the message is meant for the person who typed them. */
  public static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  public static LiveLensConfig defaults() {
    return load(new String[0], Map.of());
  }

  public static LiveLensConfig load(String[] args, Map<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Option option : OPTIONS) {
      values.put(option.flag(), env.getOrDefault(option.env(), option.defaultValue()));
    }
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = null;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        value = arg.substring(eq + 1);
        arg = arg.substring(0, eq);
      }
      if (!values.containsKey(arg)) {
        throw new UsageException("unknown option " + arg + " (see --help)");
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new UsageException("option " + arg + " needs a value");
        }
        value = args[++i];
      }
      values.put(arg, value);
    }
    return fromValues(values);
  }

  private static LiveLensConfig fromValues(Map<String, String> v) {
    String codec = v.get("--codec");
    if (!Set.of("auto", "turbojpeg", "opencv").contains(codec)) {
      throw new UsageException("--codec must be auto, turbojpeg or opencv, not " + codec);
    }
    Set<String> origins = Arrays.stream(v.get("--allowed-origins").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    return new LiveLensConfig(
        v.get("--host"),
        intValue(v, "--port", 0, 65535),
        intValue(v, "--workers", 1, 256),
        intValue(v, "--max-frame-bytes", 1024, 256 * 1024 * 1024),
        intValue(v, "--max-image-side", 16, 65535),
        intValue(v, "--max-in-flight", 1, 64),
        intValue(v, "--frame-timeout-ms", 100, 600_000),
        intValue(v, "--max-wait-ms", 1, 600_000),
        intValue(v, "--jpeg-quality", 1, 100),
        codec,
        intValue(v, "--max-connections", 1, 1_000_000),
        intValue(v, "--max-connections-per-address", 1, 1_000_000),
        intValue(v, "--idle-timeout-seconds", 3, 86_400),
        intValue(v, "--max-text-messages-per-second", 1, 100_000),
        intValue(v, "--garbage-limit", 1, 1_000_000),
        origins,
        intValue(v, "--warmup-seconds", 0, 600));
  }

  private static int intValue(Map<String, String> values, String flag, int min, int max) {
    String text = values.get(flag);
    try {
      int value = Integer.parseInt(text.trim());
      if (value < min || value > max) {
        throw new UsageException(flag + " must be between " + min + " and " + max + ", not " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new UsageException(flag + " must be a whole number, not '" + text + "'");
    }
  }

  /** The --help text: every option with its environment variable and default. */
  public static String help(String codecInUse) {
    StringBuilder out = new StringBuilder();
    out.append("Usage: java -jar livelens.jar [options]\n\n")
        .append("LiveLens serves a page that streams your webcam through OpenCV filters.\n")
        .append("Every option can also be set by its environment variable; flags win.\n\n");
    for (Option option : OPTIONS) {
      out.append(String.format("  %-34s %s%n", option.flag() + " <value>", option.help()));
      out.append(String.format("  %-34s env %s, default '%s'%n", "", option.env(), option.defaultValue()));
    }
    out.append(String.format("  %-34s %s%n", "--help", "print this text and exit"));
    out.append("\nJPEG codec on this machine: ").append(codecInUse).append('\n');
    return out.toString();
  }

  /** The same settings served on another address: the warm-up's private loopback server uses it. */
  public LiveLensConfig withAddress(String newHost, int newPort) {
    return new LiveLensConfig(newHost, newPort, workers, maxFrameBytes, maxImageSide, maxInFlight, frameTimeoutMs,
        maxWaitMs, jpegQuality, codec, maxConnections, maxConnectionsPerAddress, idleTimeoutSeconds,
        maxTextMessagesPerSecond, garbageLimit, allowedOrigins, warmupSeconds);
  }

  /** Bytes a WebSocket message may reach: a frame id plus the JPEG, or the JPEG as base64 inside JSON. */
  public int maxWebSocketMessageBytes() {
    return 4 + maxFrameBytes / 3 * 4 + 4096;
  }
}
