package dev.livelens.stream;

import dev.livelens.bus.Addresses;
import dev.livelens.bus.FrameFailure;
import dev.livelens.bus.FramePictures;
import dev.livelens.vision.PictureHeaders;
import dev.livelens.web.RandomIds;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A stream's background picture. An upload is checked here from its header, as a frame is (JPEG or PNG,
 * within {@code --max-image-side}; its bytes were within {@code --max-frame-bytes} when they were read),
 * then read on a worker, which decodes it as strictly as a frame and answers with the JPEG the stream
 * keeps until the socket closes. When uploads cross, the newest wins. Each picture kept gets a key of its
 * own, and workers in other JVMs may ask for it by that key ({@link FramePictures#offer}).
 */
final class StreamBackground {

  private final EventBus bus;
  private final String streamId;
  private final int maxImageSide;
  private final DeliveryOptions options;
  private Buffer jpeg;
  private String key;
  private MessageConsumer<String> offered;
  private long uploads;

  StreamBackground(EventBus bus, String streamId, int maxImageSide, long timeoutMs) {
    this.bus = bus;
    this.streamId = streamId;
    this.maxImageSide = maxImageSide;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  /** The picture kept now (a JPEG), or null. */
  Buffer jpeg() {
    return jpeg;
  }

  /** The key of the picture kept now, or null. */
  String key() {
    return key;
  }

  /** No more requests for the picture: the stream has closed. */
  void close() {
    keep(null);
  }

  private void keep(Buffer picture) {
    if (offered != null) {
      offered.unregister();
      offered = null;
    }
    jpeg = picture;
    key = picture == null ? null : RandomIds.SHORT.next();
    if (picture != null) {
      offered = FramePictures.offer(bus, streamId, key, picture);
    }
  }

  /**
   * Takes {@code image} as the background (null: none), telling {@code kept} what is kept once it is, or
   * {@code refused} why not (the background kept before stays).
   */
  void change(Buffer image, Consumer<Buffer> kept, BiConsumer<ErrorCode, String> refused) {
    long upload = ++uploads;
    if (image == null) {
      keep(null);
      kept.accept(null);
      return;
    }
    String problem = PictureHeaders.problem(image::getUnsignedByte, image.length(), maxImageSide);
    if (problem != null) {
      refused.accept(ErrorCode.BAD_BACKGROUND, problem);
      return;
    }
    bus.<Buffer>request(Addresses.BACKGROUNDS, image, options).onComplete(answer -> {
      if (upload != uploads) {
        return; // a newer upload (or removal) came meanwhile
      }
      if (answer.succeeded()) {
        keep(answer.result().body());
        kept.accept(jpeg);
      } else if (FrameFailure.of(answer.cause()).orElse(null) == FrameFailure.BAD_FRAME) {
        refused.accept(ErrorCode.BAD_BACKGROUND, "the background picture cannot be read: "
            + answer.cause().getMessage() + "; choose another JPEG or PNG");
      } else {
        refused.accept(ErrorCode.BUSY, "no worker could read the background picture now; send it again");
      }
    });
  }
}
