package dev.livelens.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.livelens.bus.FrameMessage;
import dev.livelens.filter.FilterState;
import dev.livelens.metrics.PipelineMetrics.DropReason;
import dev.livelens.stream.FrameSlots.Pending;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounded slots of one connection and the bytes held by all of them together. */
class FrameSlotsTest {

  private final List<String> drops = new ArrayList<>();

  @Test
  void aNewerFrameReplacesTheWaitingOneAndGoesWhenAFrameComesBack() {
    FrameSlots slots = new FrameSlots(2, new PendingBytes(1 << 20));
    Pending one = frame(1, 100);
    Pending two = frame(2, 100);
    assertSame(one, slots.offer(one, this::drop));
    assertSame(two, slots.offer(two, this::drop));
    assertNull(slots.offer(frame(3, 100), this::drop));
    Pending four = frame(4, 100);
    assertNull(slots.offer(four, this::drop));

    assertEquals(List.of("3 replaced"), drops);
    assertEquals(3, slots.held());
    assertSame(four, slots.finished(one));
    assertEquals(2, slots.held());
  }

  @Test
  void framesThatWouldPassTheServerWideByteBoundAreDroppedAsMemory() {
    PendingBytes shared = new PendingBytes(250);
    FrameSlots first = new FrameSlots(2, shared);
    FrameSlots second = new FrameSlots(2, shared);
    Pending held = frame(1, 100);
    first.offer(held, this::drop);
    first.offer(frame(2, 100), this::drop);

    assertNull(second.offer(frame(3, 100), this::drop), "only 50 bytes left for the whole server");
    assertEquals(List.of("3 memory"), drops);
    assertEquals(200, shared.held());

    first.finished(held);
    Pending fits = frame(4, 100);
    assertSame(fits, second.offer(fits, this::drop));
    assertEquals(200, shared.held());
  }

  @Test
  void closingReleasesTheWaitingFramesBytes() {
    PendingBytes shared = new PendingBytes(1 << 20);
    FrameSlots slots = new FrameSlots(1, shared);
    Pending atWorker = frame(1, 100);
    slots.offer(atWorker, this::drop);
    slots.offer(frame(2, 100), this::drop);

    assertEquals(2, slots.clear().frame().frameId());
    slots.finished(atWorker);
    assertEquals(0, shared.held());
  }

  private void drop(Pending frame, DropReason reason) {
    drops.add(frame.frame().frameId() + " " + reason.name().toLowerCase());
  }

  private static Pending frame(long id, int bytes) {
    FrameMessage message = FrameMessage.frame("s", id, "none", new JsonObject(), 0, 0, Buffer.buffer(new byte[bytes]));
    return new Pending(message, false, 0, FilterState.NONE);
  }
}
