package dev.livelens.media;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one translator from a failure to the reason a video, a job or a transcript shows: a sentence for a
 * person, never a server path, a stack or an FFmpeg internal (those go to the log where the failure is
 * caught). Every stored reason passes through {@link #safe} as well, so nothing else can slip through.
 */
public final class FailureReason {

  /** What is shown when nothing better can be said. */
  public static final String UNKNOWN = "something went wrong on the server while making this video (its log "
      + "has the details): try again, or upload the video in another format such as an H.264 MP4";
  public static final String CANCELLED = "cancelled";
  public static final String NOT_A_VIDEO = "this file is not a video FFmpeg can read (its format is unknown or it "
      + "is damaged): upload a video file";
  public static final String NO_INDEX = "the file ends early, before its index (the MP4's moov box): it was cut "
      + "short, upload it again";

  /** What FFmpeg writes, the sentence a person gets. First match wins. */
  private static final List<Rule> RULES = List.of(
      rule("moov atom not found", NO_INDEX),
      rule("no space left on device", "the server's disk is full: ask its operator to make room, then try again"),
      rule("server returned 404|http error 404", "the video's server answered 404 Not Found: check the address"),
      rule("server returned 403|http error 403|server returned 401|http error 401",
          "the video's server refused to send it (it needs a sign-in, or does not allow downloads)"),
      rule("server returned [45]|http error [45]", "the video's server answered with an error: try again later"),
      rule("connection refused", "the video's server refused the connection: check the address"),
      rule("timed out|timeout", "the video's server stopped answering: try again later"),
      rule("end of file|connection reset|unexpected eof|partial file",
          "the video's data ends early (a file cut short, or a server that closed the connection): try again"),
      rule("invalid data found|could not find codec parameters|unknown format|no decoder|decoder .* not found",
          NOT_A_VIDEO),
      rule("does not contain any stream|output file is empty|nothing was written",
          "the file has no video frames FFmpeg could read: upload a video file"));

  /** A path of this machine: a slash after a start, a space, a quote or a parenthesis, then a name. */
  private static final Pattern PATH = Pattern.compile("(^|[\\s'\"(=:])/[\\w.~-]");
  private static final Pattern INTERNAL = Pattern.compile("Exception|\\bat [a-z]+\\.[a-z]|\\[[a-z0-9_,]+ @ 0x");

  private FailureReason() {
  }

  /** The sentence for this failure. */
  public static String of(Throwable error) {
    return of(error, UNKNOWN);
  }

  /** The same, with {@code otherwise} for a failure that is neither FFmpeg's nor already a sentence. */
  public static String of(Throwable error, String otherwise) {
    if (error instanceof Cancel.Cancelled) {
      return CANCELLED;
    }
    if (error instanceof MediaException) {
      return safe(error.getMessage());
    }
    if (error instanceof InterruptedException) {
      return "the server stopped before this was done: try again";
    }
    if (error instanceof FfmpegFailure ffmpeg) {
      String said = (ffmpeg.log() + "\n" + ffmpeg.getMessage()).toLowerCase(Locale.ROOT);
      return RULES.stream().filter(rule -> rule.pattern.matcher(said).find()).map(Rule::reason).findFirst()
          .orElse("FFmpeg could not make this video (the server's log has its words): try again, or upload it in "
              + "another format such as an H.264 MP4");
    }
    return error != null && error.getCause() != null && error.getCause() != error ? of(error.getCause(), otherwise)
        : otherwise;
  }

  /** {@code reason} if it is fit to show (no server path, no stack, no FFmpeg internals), else {@link #UNKNOWN}. */
  public static String safe(String reason) {
    if (reason == null || reason.isBlank()) {
      return UNKNOWN;
    }
    return PATH.matcher(reason).find() || INTERNAL.matcher(reason).find() ? UNKNOWN : reason;
  }

  /** The reason a step that ran past its time limit shows. */
  static String tookTooLong(long minutes) {
    return "this took longer than " + minutes + " minutes, the longest one step may take: try a shorter video";
  }

  private record Rule(Pattern pattern, String reason) {
  }

  private static Rule rule(String regex, String reason) {
    return new Rule(Pattern.compile(regex), reason);
  }
}
