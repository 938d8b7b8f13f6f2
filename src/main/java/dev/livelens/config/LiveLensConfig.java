package dev.livelens.config;

import dev.livelens.vision.JpegStructure;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every setting of the server, read once at startup from flags (first) or environment variables.
 * Behaviour code gets its values from here and never reads the environment itself.
 */
public record LiveLensConfig(
    Role role,
    String host,
    int port,
    int workers,
    int eventLoops,
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
    int maxPendingBytes,
    Set<String> allowedOrigins,
    StorageConfig storage,
    DatabaseConfig database,
    int warmupSeconds,
    AccountConfig accounts,
    TlsConfig tls,
    ClusterConfig cluster,
    RoomsConfig rooms,
    LeaseConfig leases,
    EdgeConfig edge, SocketsConfig sockets, String faceDetector, SpeechConfig speech) {

  /** What a node runs: everything, only the HTTP side (pages, sockets) or only the OpenCV workers. */
  public enum Role {
    ALL, HTTP, WORKER;

    public String flagValue() {
      return name().toLowerCase(Locale.ROOT);
    }

    public boolean runsHttp() {
      return this != WORKER;
    }

    public boolean runsWorkers() {
      return this != HTTP;
    }
  }

  private static final List<Option> SERVER_OPTIONS = List.of(
      Option.of("role", "all", "what this node runs: all, http (pages and sockets only) or worker (OpenCV "
          + "workers only, with /healthz, /api/info and /metrics on --port)"),
      Option.of("host", "0.0.0.0", "interface to listen on"),
      Option.of("port", "8080", "HTTP and WebSocket port"),
      Option.of("workers", String.valueOf(Runtime.getRuntime().availableProcessors()),
          "OpenCV worker verticles (default: one per core)"),
      Option.of("event-loops", String.valueOf(Runtime.getRuntime().availableProcessors()),
          "HTTP verticles sharing the port, each on its own event loop (default: one per core); each connection "
          + "stays on the one that accepted it"),
      Option.of("max-frame-bytes", String.valueOf(4 * 1024 * 1024),
          "largest message accepted on the stream socket; bigger ones get too_large"),
      Option.of("max-image-side", "4096", "largest width or height of a frame, read from the JPEG header"),
      Option.of("max-in-flight", "2", "frames of one connection being processed at once"),
      Option.of("frame-timeout-ms", "5000", "time a worker has for one frame before the frame is reported busy"),
      Option.of("max-wait-ms", "150", "a frame no worker has taken up this long after it was handed to the "
          + "workers is dropped unprocessed (counted as late): under overload, answered frames stay fresh"),
      Option.of("jpeg-quality", "80", "quality of the processed JPEG frames (1-100)"),
      Option.of("codec", "auto", "JPEG codec: auto, turbojpeg (Debian libturbojpeg0) or opencv"),
      Option.of("face-detector", "blazeface", "faces filter's detector: blazeface (every frame) or haar (cascade)"),
      Option.of("max-connections", "2000", "stream connections in total; more get busy"),
      Option.of("max-connections-per-address", "64", "stream connections from one client address; more get busy"),
      Option.of("idle-timeout-seconds", "60", "close a stream socket silent this long (pings every third of it)"),
      Option.of("max-text-messages-per-second", "100", "text messages accepted per connection per second"),
      Option.of("garbage-limit", "200", "bad messages in a row after which a connection is closed"),
      Option.of("max-pending-bytes", String.valueOf(256 * 1024 * 1024), "frame bytes held for the workers by all "
          + "connections together; a frame that does not fit is dropped (counted as memory)"),
      Option.of("allowed-origins", "", "comma-separated extra origins allowed to open /ws/stream (own origin always is)"),
      Option.of("data-dir", "./livelens-data", "where the database, recordings, uploads and the library's media live"),
      Option.of("max-data-bytes", String.valueOf(20L << 30), "disk the media may use in all; a recording or upload "
          + "that would pass it is ended (recording) or refused (upload, 507)"),
      Option.of("max-recording-seconds", "3600", "longest server-side recording; reaching it finishes the recording"),
      Option.of("max-recording-bytes", String.valueOf(2L << 30), "largest server-side recording file"),
      Option.of("max-upload-bytes", String.valueOf(4L << 30), "largest upload; more gets 413"),
      Option.of("max-uploads-per-address", "8", "uploads in progress one client address may have; more get 429"),
      Option.of("upload-expiry-hours", "24", "unfinished uploads untouched this long expire and are deleted"),
      Option.of("media-link-minutes", "240", "how long a signed link to a private or unlisted video's media "
          + "(HLS, MP4, poster) works; the pages fetch fresh ones"),
      Option.of("allow-private-urls", "false", "let imports fetch from loopback, private and link-local addresses"),
      Option.of("warmup-seconds", "6", "seconds spent streaming bundled frames through every filter over a private "
          + "loopback socket before /healthz reports ready, so the first users get the JIT-compiled speed (0: none)"));

  static final List<Option> OPTIONS = Stream.of(SERVER_OPTIONS, DatabaseConfig.OPTIONS,
      AccountConfig.OPTIONS, TlsConfig.OPTIONS, ClusterConfig.OPTIONS, RoomsConfig.OPTIONS, LeaseConfig.OPTIONS,
      EdgeConfig.OPTIONS, SocketsConfig.OPTIONS, SpeechConfig.OPTIONS)
      .flatMap(List::stream).toList();

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
      boolean switchOnly = isSwitch(arg) && (i + 1 >= args.length || args[i + 1].startsWith("--"));
      if (value == null && switchOnly) {
        value = "true"; // a yes/no option given alone, like --allow-private-urls, turns it on
      } else if (value == null) {
        if (i + 1 >= args.length) {
          throw new UsageException("option " + arg + " needs a value");
        }
        value = args[++i];
      }
      values.put(arg, value);
    }
    return fromValues(values);
  }

  /** A yes/no option (off by default): it may be given alone to turn it on. */
  private static boolean isSwitch(String flag) {
    return OPTIONS.stream().anyMatch(option -> option.flag().equals(flag) && option.isSwitch());
  }

  private static LiveLensConfig fromValues(Map<String, String> v) {
    String codec = oneOf(v, "--codec", "auto", "turbojpeg", "opencv");
    String role = oneOf(v, "--role", "all", "http", "worker");
    Set<String> origins = Arrays.stream(v.get("--allowed-origins").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    return new LiveLensConfig(
        Role.valueOf(role.toUpperCase(Locale.ROOT)),
        v.get("--host"),
        intValue(v, "--port", 0, 65535),
        intValue(v, "--workers", 1, 256),
        intValue(v, "--event-loops", 1, 256),
        intValue(v, "--max-frame-bytes", 1024, 256 * 1024 * 1024),
        intValue(v, "--max-image-side", 16, JpegStructure.MAX_SIDE),
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
        intValue(v, "--max-pending-bytes", 1024 * 1024, Integer.MAX_VALUE),
        origins,
        StorageConfig.from(v),
        DatabaseConfig.parse(v.get("--db-url"), v.get("--db-user"), v.get("--db-password"),
            intValue(v, "--db-pool-size", 1, 1000)),
        intValue(v, "--warmup-seconds", 0, 600),
        AccountConfig.from(v),
        TlsConfig.from(v),
        ClusterConfig.from(v, intValue(v, "--port", 0, 65535)),
        RoomsConfig.from(v),
        LeaseConfig.from(v),
        EdgeConfig.from(v), SocketsConfig.from(v), oneOf(v, "--face-detector", "blazeface", "haar"),
        SpeechConfig.from(v));
  }

  private static String oneOf(Map<String, String> values, String flag, String... allowed) {
    String value = values.get(flag);
    if (!List.of(allowed).contains(value)) {
      throw new UsageException(flag + " must be " + String.join(", ", List.of(allowed).subList(0, allowed.length - 1))
          + " or " + allowed[allowed.length - 1] + ", not " + value);
    }
    return value;
  }

  static int intValue(Map<String, String> values, String flag, int min, int max) {
    return (int) longValue(values, flag, min, max);
  }

  static long longValue(Map<String, String> values, String flag, long min, long max) {
    String text = values.get(flag);
    try {
      long value = Long.parseLong(text.trim());
      if (value < min || value > max) {
        throw new UsageException(flag + " must be between " + min + " and " + max + ", not " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new UsageException(flag + " must be a whole number, not '" + text + "'");
    }
  }

  static boolean boolValue(Map<String, String> values, String flag) {
    String text = values.get(flag).trim();
    if (!text.equals("true") && !text.equals("false")) {
      throw new UsageException(flag + " must be true or false, not '" + text + "'");
    }
    return Boolean.parseBoolean(text);
  }

  /** The --help text: every option with its environment variable and default. */
  public static String help(String codecInUse) {
    StringBuilder out = new StringBuilder();
    out.append("Usage: java -jar livelens.jar [options]\n\n")
        .append("LiveLens serves a page that streams your webcam through OpenCV filters.\n")
        .append("Every option can also be set by its environment variable; flags win.\n\n");
    for (Option option : OPTIONS) {
      out.append(String.format("  %-34s %s%n", option.usage(), option.help()));
      out.append(String.format("  %-34s env %s, default '%s'%n", "", option.env(), option.defaultValue()));
    }
    out.append(String.format("  %-34s %s%n", "--help", "print this text and exit"));
    out.append("\nJPEG codec on this machine: ").append(codecInUse).append('\n');
    return out.toString();
  }

  /** Bytes a WebSocket message may reach: a frame id plus the JPEG, or the JPEG as base64 inside JSON. */
  public int maxWebSocketMessageBytes() {
    return 4 + maxFrameBytes / 3 * 4 + 4096;
  }
}
