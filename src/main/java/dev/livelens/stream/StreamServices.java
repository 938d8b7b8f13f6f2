package dev.livelens.stream;

import dev.livelens.web.SignedInUsers;
import dev.livelens.config.LiveLensConfig;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.metrics.PipelineMetrics;
import io.vertx.core.Vertx;

/**
 * What every stream connection of a server shares.
 *
 * @param users who opened a stream, from its upgrade's session cookie (a stream may be anonymous)
 * @param quiet the streams' openings and closings are logged at DEBUG, not INFO (the warm-up's: a hundred a start)
 */
public record StreamServices(Vertx vertx, LiveLensConfig config, FilterCatalog catalog, PipelineMetrics metrics,
    PendingBytes pendingBytes, LostFrames lostFrames, StreamRecording recordings, SignedInUsers users,
    boolean quiet) {
}
