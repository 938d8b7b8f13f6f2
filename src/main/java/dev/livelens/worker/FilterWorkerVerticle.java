package dev.livelens.worker;

import dev.livelens.bus.Addresses;
import dev.livelens.bus.FrameBytes;
import dev.livelens.bus.FrameFailure;
import dev.livelens.bus.FrameMessage;
import dev.livelens.bus.FramePictures;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.metrics.PipelineMetrics;
import dev.livelens.vision.BadImageException;
import dev.livelens.vision.ImageNormaliser;
import dev.livelens.vision.JpegCodec;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes frames off the event bus and runs them through OpenCV. Deployed with the WORKER threading
 * model, so the blocking pixel work never touches an event loop; one instance handles one frame at a time.
 * A worker serves one {@link Lane}: live streams' frames, or the library's jobs' frames below live work.
 */
public final class FilterWorkerVerticle extends VerticleBase {

  /** Whose frames a worker takes. */
  public enum Lane {
    /** Live streams' frames, on {@link Addresses#FRAMES}. */
    LIVE(Addresses.FRAMES),
    /**
     * The library's jobs' frames, on {@link Addresses#JOB_FRAMES}: its thread runs below live work
     * ({@link BelowLive}), so a job takes only the CPU the live streams leave.
     */
    JOBS(Addresses.JOB_FRAMES);

    private final String address;

    Lane(String address) {
      this.address = address;
    }

    public String address() {
      return address;
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(FilterWorkerVerticle.class);
  /** How long a worker waits for a stream's picture from another JVM (once per picture). */
  private static final long PICTURE_TIMEOUT_MS = 2000;

  private final FilterCatalog catalog;
  private final Supplier<JpegCodec> codecs;
  private final int jpegQuality;
  private final PipelineMetrics metrics;
  private final String nodeName;
  private final Lane lane;
  private FramePipeline pipeline;
  private MessageConsumer<FrameMessage> consumer;
  private MessageConsumer<Buffer> pictures;
  private ImageNormaliser normaliser;
  private RemotePictures remotePictures;
  private final FrameBytes bytes = new FrameBytes();

  /** @param nodeName this node's name, put in every reply so a cluster's replies say where they were made */
  public FilterWorkerVerticle(Lane lane, FilterCatalog catalog, Supplier<JpegCodec> codecs, int jpegQuality,
      PipelineMetrics metrics, String nodeName) {
    this.lane = lane;
    this.nodeName = nodeName;
    this.catalog = catalog;
    this.codecs = codecs;
    this.jpegQuality = jpegQuality;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    pipeline = new FramePipeline(catalog.createAll(), codecs.get(), jpegQuality);
    remotePictures = new RemotePictures(vertx.eventBus(), PICTURE_TIMEOUT_MS);
    consumer = vertx.eventBus().consumer(lane.address(), this::process);
    if (lane == Lane.LIVE) {
      normaliser = new ImageNormaliser(codecs.get());
      pictures = vertx.eventBus().consumer(Addresses.BACKGROUNDS, this::picture);
      return Future.all(consumer.completion(), pictures.completion());
    }
    return consumer.completion();
  }

  /** A frame from another JVM may name its background picture by key only: fetched first, once. */
  private void process(Message<FrameMessage> message) {
    String picture = FramePictures.missing(message.body().params());
    if (picture == null) {
      process(message, message.body());
    } else {
      remotePictures.complete(message.body(), picture).onComplete(done -> process(message, done.result()));
    }
  }

  private void process(Message<FrameMessage> message, FrameMessage frame) {
    if (lane == Lane.JOBS) {
      BelowLive.lowerThisThread(); // once per thread: the job pool's threads never run live work
    }
    long start = System.nanoTime();
    try {
      if (frame.expired(System.currentTimeMillis())) {
        FrameFailure.LATE.reply(message, "the frame waited too long for a worker");
        answered("late");
      } else if (!pipeline.has(frame.filter())) {
        FrameFailure.UNKNOWN_FILTER.reply(message, "this worker has no filter " + frame.filter());
      } else {
        FramePipeline.Result result = pipeline.process(bytes.of(frame.jpeg()), frame.jpeg().length(), frame.filter(),
            frame.params(), frame.state());
        // A reply as sent is the frame's own buffer: nobody changes a message's bytes, so no copy is needed.
        Buffer reply = result.asSent() ? frame.jpeg() : Buffer.buffer(result.jpeg());
        message.reply(frame.processed(result.result().onNode(nodeName), reply), FrameMessage.options());
        answered("processed");
      }
    } catch (BadImageException e) {
      FrameFailure.BAD_FRAME.reply(message, e.getMessage());
      answered("failed");
    } catch (RuntimeException | Error e) {
      // An Error too (out of memory for one huge frame, a native linkage failure): the sender is
      // answered at once instead of waiting for its timeout, and the worker serves the next frame.
      LOG.warn("stream {} frame {}: failed in filter {}: {}", frame.stream(), frame.frameId(), frame.filter(),
          e.toString());
      FrameFailure.INTERNAL.reply(message, "the server failed to process this frame");
      answered("failed");
    } finally {
      busy(System.nanoTime() - start);
    }
  }

  /** A stream's uploaded background picture, read as strictly as a frame and made into the JPEG it keeps. */
  private void picture(Message<Buffer> message) {
    long start = System.nanoTime();
    try {
      message.reply(Buffer.buffer(normaliser.normalise(message.body().getBytes())));
    } catch (BadImageException e) {
      FrameFailure.BAD_FRAME.reply(message, e.getMessage());
    } catch (RuntimeException | Error e) {
      LOG.warn("a background picture failed: {}", e.toString());
      FrameFailure.INTERNAL.reply(message, "the server failed to read the picture");
    } finally {
      busy(System.nanoTime() - start);
    }
  }

  /** Live workers' meters count live work only: the job worker's time has its own counter. */
  private void answered(String outcome) {
    if (lane == Lane.LIVE) {
      metrics.workerAnswered(outcome);
    }
  }

  private void busy(long nanos) {
    if (lane == Lane.LIVE) {
      metrics.workerBusy(nanos);
    } else {
      metrics.jobWorkerBusy(nanos);
    }
  }

  @Override
  public Future<?> stop() {
    Future<Void> unregistered = consumer == null ? Future.succeededFuture() : consumer.unregister();
    Future<Void> picturesGone = pictures == null ? Future.succeededFuture() : pictures.unregister();
    return Future.all(unregistered, picturesGone).andThen(done -> {
      pipeline.close();
      if (normaliser != null) {
        normaliser.close();
      }
    });
  }
}
