package dev.livelens.stream;

import dev.livelens.bus.Addresses;
import dev.livelens.bus.FrameReply;
import dev.livelens.bus.FrameRequest;
import dev.livelens.config.LiveLensConfig;
import dev.livelens.filter.BadParamsException;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.filter.FilterSpec;
import dev.livelens.metrics.PipelineMetrics;
import dev.livelens.metrics.PipelineMetrics.DropReason;
import dev.livelens.metrics.PipelineMetrics.Stage;
import dev.livelens.vision.BadImageException;
import dev.livelens.vision.JpegHeader;
import dev.livelens.vision.JpegStructure;
import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.IntUnaryOperator;

/**
 * One stream connection: reads frames and commands from its socket, keeps a bounded number of frames
 * at the workers (a newer waiting frame replaces an older one) and writes the results back.
 * Runs on one event loop and only moves bytes.
 */
public final class StreamSession {

  private final ServerWebSocket socket;
  private final LiveLensConfig config;
  private final FilterCatalog catalog;
  private final PipelineMetrics metrics;
  private final Vertx vertx;
  private final SessionCounters counters = new SessionCounters();
  private final TextRateLimiter textLimiter;
  private FilterSpec filter;
  private JsonObject params;
  private JsonArray lastFaces = new JsonArray();
  private long framesSinceDetect;
  private long dispatched;
  /** Which dispatch the boxes in lastFaces come from: an older detection answering late is ignored. */
  private long lastFacesFrom;
  /** Whether a detection of the current filter has answered yet: until then there is nothing to carry. */
  private boolean facesKnown;
  private int inFlight;
  private PendingFrame waiting;
  private int garbageStreak;
  private boolean closed;
  private long statsTimer;
  private long pingTimer;
  private Runnable onClosed = () -> { };

  public StreamSession(ServerWebSocket socket, LiveLensConfig config, FilterCatalog catalog,
      PipelineMetrics metrics, Vertx vertx) {
    this.socket = socket;
    this.config = config;
    this.catalog = catalog;
    this.metrics = metrics;
    this.vertx = vertx;
    this.textLimiter = new TextRateLimiter(config.maxTextMessagesPerSecond());
  }

  /**
   * Greets the client and starts reading.
   *
   * @param initialFilter the filter named in the upgrade's query, or null
   * @param onClosed run once when the socket closes
   */
  public void start(String initialFilter, Runnable onClosed) {
    this.onClosed = onClosed;
    metrics.sessionOpened();
    socket.setWriteQueueMaxSize(256 * 1024);
    socket.binaryMessageHandler(this::onBinary);
    socket.textMessageHandler(this::onText);
    socket.exceptionHandler(this::onSocketException);
    socket.closeHandler(v -> onClose());
    statsTimer = vertx.setPeriodic(1000, id -> sendStats());
    pingTimer = vertx.setPeriodic(config.idleTimeoutSeconds() * 1000L / 3, id -> socket.writePing(Buffer.buffer()));
    writeText(WireFormat.hello(catalog.names(), config.maxFrameBytes()));
    selectFilter(initialFilter == null ? "none" : initialFilter, new JsonObject());
  }

  private void onBinary(Buffer message) {
    if (message.length() < WireFormat.ID_BYTES) {
      reject(ErrorCode.BAD_FRAME, "a binary message starts with a 4-byte frame id; this one has "
          + message.length() + " bytes", null);
      return;
    }
    long id = message.getUnsignedInt(0);
    accept(id, message.slice(WireFormat.ID_BYTES, message.length()), false);
  }

  private void onText(String text) {
    if (!textLimiter.tryAcquire(System.nanoTime())) {
      reject(ErrorCode.BUSY, "more than " + config.maxTextMessagesPerSecond()
          + " text messages in one second; this one was ignored", null);
      countGarbage(); // a flood is the client's doing: it counts toward the limit like a bad message
      return;
    }
    TextMessage message;
    try {
      message = TextMessage.parse(text, config.maxFrameBytes());
    } catch (TextMessage.Invalid e) {
      if (e.frameId() == null) {
        reject(e.code(), e.getMessage(), null);
      } else {
        counters.received++;
        metrics.received(filter.name());
        frameFailed(e.frameId(), filter.name(), e.code(), e.getMessage());
      }
      return;
    }
    if (message instanceof TextMessage.SelectFilter select) {
      selectFilter(select.filter(), select.params());
    } else if (message instanceof TextMessage.Frame frame) {
      accept(frame.id(), frame.jpeg(), true);
    }
  }

  private void selectFilter(String name, JsonObject given) {
    FilterSpec spec = catalog.spec(name).orElse(null);
    if (spec == null) {
      reject(ErrorCode.UNKNOWN_FILTER, "no filter named '" + name + "'; known: " + catalog.names(), null);
      if (filter == null) {
        selectFilter("none", new JsonObject());
      }
      return;
    }
    try {
      params = spec.resolve(given);
    } catch (BadParamsException e) {
      reject(ErrorCode.BAD_PARAMS, e.getMessage(), null);
      return;
    }
    filter = spec;
    garbageStreak = 0;
    framesSinceDetect = 0;
    lastFaces = new JsonArray();
    lastFacesFrom = dispatched; // boxes of the filter before are not carried into this one
    facesKnown = false;
    writeText(WireFormat.filter(spec.name(), params));
  }

  private void accept(long id, Buffer jpeg, boolean json) {
    counters.received++;
    String filterName = filter.name();
    metrics.received(filterName);
    if (jpeg.length() > config.maxFrameBytes()) {
      frameFailed(id, filterName, ErrorCode.TOO_LARGE, "frame of " + jpeg.length()
          + " bytes is over the limit of " + config.maxFrameBytes());
      return;
    }
    String problem = checkImage(jpeg);
    if (problem != null) {
      frameFailed(id, filterName, ErrorCode.BAD_FRAME, problem);
      return;
    }
    garbageStreak = 0;
    PendingFrame frame = new PendingFrame(id, jpeg, json, new FrameRequest(filterName, params, false,
        new JsonArray()), System.nanoTime());
    if (inFlight < config.maxInFlight()) {
      dispatch(frame);
    } else {
      if (waiting != null) {
        dropped(waiting, DropReason.REPLACED);
      }
      waiting = frame;
    }
  }

  /** Reads the JPEG header only: refuses non-JPEG, truncated and oversized images before any decoding. */
  private String checkImage(Buffer jpeg) {
    IntUnaryOperator byteAt = jpeg::getUnsignedByte; // reads the socket's buffer in place: no copy
    try {
      JpegHeader header = JpegHeader.read(byteAt, jpeg.length());
      if (header.width() > config.maxImageSide() || header.height() > config.maxImageSide()) {
        return "image of " + header.width() + "x" + header.height() + " pixels is over the limit of "
            + config.maxImageSide() + "x" + config.maxImageSide();
      }
      if (!JpegStructure.endsWithEoi(byteAt, jpeg.length())) {
        return "truncated JPEG (no end-of-image marker)";
      }
      return null;
    } catch (BadImageException e) {
      return e.getMessage();
    }
  }

  /**
   * Decided as the frame goes to a worker, not when it arrives: a frame replaced while waiting must
   * not take a detection turn with it, and a carrying frame gets the newest boxes there are.
   */
  private FrameRequest withDetectionTurn(FrameRequest request) {
    int every = request.params().getInteger("detectEvery", 1);
    boolean turn = framesSinceDetect++ % every == 0;
    return request.withDetection(turn || !facesKnown, lastFaces);
  }

  private void dispatch(PendingFrame frame) {
    inFlight++;
    metrics.frameDispatched();
    long sentAt = System.nanoTime();
    long sequence = ++dispatched;
    FrameRequest request = withDetectionTurn(frame.request());
    vertx.eventBus().<Buffer>request(Addresses.FRAMES, frame.jpeg(),
            request.withDeadline(System.currentTimeMillis() + config.maxWaitMs())
                .toDeliveryOptions(config.frameTimeoutMs()))
        .onComplete(result -> onWorkerDone(frame, request.detect() ? sequence : 0, sentAt, result));
  }

  /** @param detection the frame's dispatch number if it detected faces, else 0 */
  private void onWorkerDone(PendingFrame frame, long detection, long sentAt,
      AsyncResult<Message<Buffer>> result) {
    inFlight--;
    metrics.frameReturned();
    if (closed || socket.isClosed()) {
      metrics.dropped(frame.request().filter(), DropReason.CLOSED); // the client is gone: nobody to answer
      return;
    }
    String filterName = frame.request().filter();
    if (result.succeeded()) {
      deliver(frame, detection, sentAt, result.result());
    } else if (FrameReply.isLate(result.cause())) {
      dropped(frame, DropReason.LATE);
    } else {
      ErrorCode code = failureCode(result.cause());
      frameFailed(frame.id(), filterName, code, failureMessage(result.cause()));
    }
    if (waiting != null && inFlight < config.maxInFlight()) {
      PendingFrame next = waiting;
      waiting = null;
      dispatch(next);
    }
  }

  private void deliver(PendingFrame frame, long detection, long sentAt, Message<Buffer> message) {
    long received = System.nanoTime();
    String filterName = frame.request().filter();
    FrameReply reply = FrameReply.fromHeaders(message.headers());
    // The newest detection so far: the frames sent after it carry its boxes.
    if (reply.faces() != null && detection > lastFacesFrom) {
      lastFaces = reply.faces();
      lastFacesFrom = detection;
      facesKnown = true;
    }
    if (cannotWrite()) {
      dropped(frame, DropReason.SOCKET_FULL);
      return;
    }
    if (frame.json()) {
      socket.writeTextMessage(WireFormat.jsonFrame(frame.id(), message.body()));
    } else {
      socket.writeBinaryMessage(WireFormat.binaryFrame(frame.id(), message.body()));
    }
    if (reply.faces() != null) {
      socket.writeTextMessage(WireFormat.faces(frame.id(), reply.faces()));
    }
    long done = System.nanoTime();
    counters.processed++;
    counters.serverTimes.add(done - frame.arrivedNanos());
    metrics.processed(filterName);
    metrics.stage(filterName, Stage.QUEUE, Math.max(0, (received - sentAt) - reply.workerNanos())
        + (sentAt - frame.arrivedNanos()));
    metrics.stage(filterName, Stage.DECODE, reply.decodeNanos());
    metrics.stage(filterName, Stage.FILTER, reply.filterNanos());
    metrics.stage(filterName, Stage.ENCODE, reply.encodeNanos());
    metrics.stage(filterName, Stage.REPLY, done - received);
    metrics.stage(filterName, Stage.TOTAL, done - frame.arrivedNanos());
  }

  private static ErrorCode failureCode(Throwable cause) {
    if (cause instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      return ErrorCode.fromFailureCode(reply.failureCode());
    }
    return ErrorCode.BUSY;
  }

  private String failureMessage(Throwable cause) {
    if (cause instanceof ReplyException reply) {
      return switch (reply.failureType()) {
        case TIMEOUT -> "no worker answered within " + config.frameTimeoutMs() + " ms";
        case NO_HANDLERS -> "no worker is available right now";
        default -> reply.getMessage();
      };
    }
    return "the frame could not be sent to a worker";
  }

  /** A frame answered with an error: counted once, as an error if the client can be told, else a drop. */
  private void frameFailed(long id, String filterName, ErrorCode code, String message) {
    if (!cannotWrite()) {
      counters.errors++;
      metrics.dropped(filterName, DropReason.ERROR);
      reject(code, message, id);
    } else {
      counters.dropped++;
      metrics.dropped(filterName, DropReason.SOCKET_FULL);
    }
  }

  private void dropped(PendingFrame frame, DropReason reason) {
    counters.dropped++;
    metrics.dropped(frame.request().filter(), reason);
  }

  /** Tells the client what was wrong; a client that sends nothing but garbage is disconnected. */
  private void reject(ErrorCode code, String message, Long id) {
    writeText(WireFormat.error(code, message, id));
    if (code.isClientFault()) {
      countGarbage();
    }
  }

  private void countGarbage() {
    if (++garbageStreak >= config.garbageLimit()) {
      socket.close((short) 1008, "too many bad messages in a row");
    }
  }

  private void onSocketException(Throwable error) {
    // Vert.x reports a message over the WebSocket size limit here and keeps the socket open.
    if (error instanceof IllegalStateException && String.valueOf(error.getMessage()).contains("size")) {
      reject(ErrorCode.TOO_LARGE, "message over the limit of " + config.maxWebSocketMessageBytes() + " bytes", null);
    }
  }

  private void sendStats() {
    if (!cannotWrite()) {
      writeText(counters.toStats(filter.name(), inFlight + (waiting == null ? 0 : 1)));
    }
  }

  /** A closing socket throws on writeQueueFull(), so closed is checked first. */
  private boolean cannotWrite() {
    return closed || socket.isClosed() || socket.writeQueueFull();
  }

  /** Nothing is queued for a client that does not read: its error and acknowledgement messages are skipped. */
  private void writeText(String text) {
    if (!cannotWrite()) {
      socket.writeTextMessage(text);
    }
  }

  private void onClose() {
    closed = true;
    if (waiting != null) {
      metrics.dropped(waiting.request().filter(), DropReason.CLOSED);
      waiting = null;
    }
    vertx.cancelTimer(statsTimer);
    vertx.cancelTimer(pingTimer);
    metrics.sessionClosed();
    onClosed.run();
  }
}
