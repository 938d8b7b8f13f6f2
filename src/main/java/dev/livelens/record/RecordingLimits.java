package dev.livelens.record;

/**
 * When a recording must end by itself, and why: its length, its size, or the disk the media may use.
 *
 * @param usedAtStart bytes the media used when the recording started
 */
record RecordingLimits(long maxDurationMs, long maxBytes, long maxDataBytes, long usedAtStart) {

  /** Why a recording of this length and size must end now, or null while it may go on. */
  String reached(long durationMs, long bytes) {
    if (durationMs >= maxDurationMs) {
      return "the recording reached its longest allowed length of " + maxDurationMs / 1000 + " s";
    }
    if (bytes >= maxBytes) {
      return "the recording reached its largest allowed size of " + maxBytes / (1024 * 1024) + " MiB";
    }
    if (usedAtStart + bytes >= maxDataBytes) {
      return "the server's disk quota for media is full";
    }
    return null;
  }
}
