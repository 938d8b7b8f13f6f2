package dev.livelens.config;

import java.nio.file.Path;

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
}
