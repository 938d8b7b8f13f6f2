package dev.livelens.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the server keeps its state and how much of it: the database and media under {@code dataDir},
 * and the limits on recordings and uploads.
 *
 * @param maxDataBytes disk the media may use in all; a recording or upload that would pass it ends
 * @param maxUploadsPerAddress uploads in progress that one client address may have on this node
 * @param mediaLinkMinutes how long a signed link to a video's media (HLS, MP4, poster) works
 */
public record StorageConfig(Path dataDir, long maxDataBytes, int maxRecordingSeconds, long maxRecordingBytes,
    long maxUploadBytes, int uploadExpiryHours, boolean allowPrivateUrls, int maxUploadsPerAddress,
    int mediaLinkMinutes) {

  /** Read from the command line's values (see {@link LiveLensConfig#load}). */
  static StorageConfig from(Map<String, String> v) {
    return new StorageConfig(Path.of(v.get("--data-dir")),
        LiveLensConfig.longValue(v, "--max-data-bytes", 1L << 20, Long.MAX_VALUE),
        LiveLensConfig.intValue(v, "--max-recording-seconds", 1, 86_400),
        LiveLensConfig.longValue(v, "--max-recording-bytes", 1L << 20, Long.MAX_VALUE),
        LiveLensConfig.longValue(v, "--max-upload-bytes", 1L << 10, Long.MAX_VALUE),
        LiveLensConfig.intValue(v, "--upload-expiry-hours", 1, 24 * 365),
        LiveLensConfig.boolValue(v, "--allow-private-urls"),
        LiveLensConfig.intValue(v, "--max-uploads-per-address", 1, 1_000_000),
        LiveLensConfig.intValue(v, "--media-link-minutes", 1, 7 * 24 * 60));
  }
}
