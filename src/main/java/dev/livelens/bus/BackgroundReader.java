package dev.livelens.bus;

import dev.livelens.vision.PictureHeaders;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;

/**
 * An uploaded background picture (a stream's, or one sent with a library job) read as a frame is: its
 * header checked here (JPEG or PNG, within {@code --max-image-side}, before a byte is decoded), then decoded
 * as strictly as a frame and shrunk by any live worker on {@link Addresses#BACKGROUNDS}, which answers with
 * the JPEG to keep.
 */
public final class BackgroundReader {

  /** Why a picture was not read, in words for the person who sent it; {@code busy}: no worker answered in time. */
  public static final class Refused extends RuntimeException {
    private final boolean busy;

    Refused(boolean busy, String message) {
      super(message, null, false, false);
      this.busy = busy;
    }

    public boolean busy() {
      return busy;
    }
  }

  private final EventBus bus;
  private final int maxImageSide;
  private final DeliveryOptions options;

  public BackgroundReader(EventBus bus, int maxImageSide, long timeoutMs) {
    this.bus = bus;
    this.maxImageSide = maxImageSide;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  /** The picture as the JPEG to keep; fails with {@link Refused}. */
  public Future<Buffer> read(Buffer image) {
    String problem = PictureHeaders.problem(image::getUnsignedByte, image.length(), maxImageSide);
    if (problem != null) {
      return Future.failedFuture(new Refused(false, problem));
    }
    return bus.<Buffer>request(Addresses.BACKGROUNDS, image, options).map(Message::body)
        .recover(error -> Future.failedFuture(FrameFailure.of(error).orElse(null) == FrameFailure.BAD_FRAME
            ? new Refused(false, "the background picture cannot be read: " + error.getMessage()
                + "; choose another JPEG or PNG")
            : new Refused(true, "no worker could read the background picture now; send it again")));
  }
}
