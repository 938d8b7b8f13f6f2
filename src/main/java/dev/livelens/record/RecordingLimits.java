package dev.livelens.record;

/**
 * When a recording must end by itself, and why: its length, its size, or the disk the media may use.
 *
 * @param quotaLeft bytes the data directory's quota had left when the recording started
 */
record RecordingLimits(long maxDurationMs, long maxBytes, long quotaLeft) {

  /** Why a recording of this length and size must end now, or null while it may go on. */
  String reached(long durationMs, long bytes) {
    if (durationMs >= maxDurationMs) {
      return "the recording reached its longest allowed length of " + maxDurationMs / 1000 + " s";
    }
    if (bytes >= maxBytes) {
      return "the recording reached its largest allowed size of " + maxBytes / (1024 * 1024) + " MiB";
    }
    if (bytes >= quotaLeft) {
      return "the server's disk quota for media is full";
    }
    return null;
  }
}
