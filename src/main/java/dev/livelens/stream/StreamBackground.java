package dev.livelens.stream;

import dev.livelens.bus.BackgroundReader;
import dev.livelens.bus.FramePictures;
import dev.livelens.web.RandomIds;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A stream's background picture: an upload (its bytes were within {@code --max-frame-bytes} when they were
 * read) is read as a frame is ({@link BackgroundReader}), and the JPEG it becomes is kept until the socket
 * closes. When uploads cross, the newest wins. Each picture kept gets a key of its
 * own, and workers in other JVMs may ask for it by that key ({@link FramePictures#offer}).
 */
final class StreamBackground {

  private final EventBus bus;
  private final String streamId;
  private final BackgroundReader reader;
  private Buffer jpeg;
  private String key;
  private MessageConsumer<String> offered;
  private long uploads;

  StreamBackground(EventBus bus, String streamId, int maxImageSide, long timeoutMs) {
    this.bus = bus;
    this.streamId = streamId;
    this.reader = new BackgroundReader(bus, maxImageSide, timeoutMs);
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
    reader.read(image).onComplete(answer -> {
      if (upload != uploads) {
        return; // a newer upload (or removal) came meanwhile
      }
      if (answer.succeeded()) {
        keep(answer.result());
        kept.accept(jpeg);
      } else {
        BackgroundReader.Refused why = (BackgroundReader.Refused) answer.cause();
        refused.accept(why.busy() ? ErrorCode.BUSY : ErrorCode.BAD_BACKGROUND, why.getMessage());
      }
    });
  }
}
