package dev.livelens.library;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds this node's leases on the videos it works on (see {@link VideoLeases}): renews them at a fixed
 * pace, and as often looks for videos whose node stopped renewing (it died) to finish their work here.
 * It starts by taking up what an earlier run left unfinished; undeployed, it renews nothing more.
 */
public final class LeaseKeeper extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

  private final Library library;
  private final long renewMs;
  /** Set once the start-up recovery is over: before, the start-up's own claim decides. */
  private boolean started;

  public LeaseKeeper(Library library, long renewMs) {
    this.library = library;
    this.renewMs = renewMs;
  }

  @Override
  public Future<?> start() {
    // Renewing starts first: the start-up recovery packages videos under leases that must not lapse meanwhile.
    vertx.setPeriodic(renewMs, tick -> tick());
    return library.recover().onComplete(recovered -> started = true);
  }

  private void tick() {
    library.leases().renew().onFailure(error -> LOG.warn("leases not renewed: {}", error.toString()));
    if (started) {
      // Two looks that overlap take nothing twice: a video taken is this node's, which a look never takes.
      library.takeOver().onFailure(error -> LOG.warn("no look for lapsed leases: {}", error.toString()));
    }
  }
}
