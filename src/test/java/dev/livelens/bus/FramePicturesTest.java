package dev.livelens.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A background picture in a frame's parameters: by reference in a JVM, by key on the wire, put back by key. */
class FramePicturesTest {

  private static final Buffer PICTURE = Buffer.buffer(new byte[300_000]);

  private static JsonObject replace() {
    return new JsonObject().put("red", 0).put(FramePictures.PICTURE, PICTURE).put(FramePictures.KEY, "k1");
  }

  private static JsonObject chain() {
    return new JsonObject().put("stages", new JsonArray()
        .add(new JsonObject().put("name", "gray").put("params", new JsonObject()))
        .add(new JsonObject().put("name", "replace-background").put("params", replace())));
  }

  @Test
  void onTheWireAPictureIsOnlyItsKeyAndAWorkerPutsItBack() {
    for (JsonObject params : new JsonObject[] {replace(), chain()}) {
      FrameMessage frame = FrameMessage.frame("s1", 7, "x", params, 1, 2, Buffer.buffer("jpeg"));
      Buffer wire = Buffer.buffer();
      new FrameMessageCodec().encodeToWire(wire, frame);
      assertTrue(wire.length() < 2_000, "the picture stayed out of the wire: " + wire.length() + " bytes");
      assertTrue(params.encode().length() > 300_000, "the sender's own parameters still carry it");

      FrameMessage arrived = new FrameMessageCodec().decodeFromWire(0, wire);
      assertEquals("k1", FramePictures.missing(arrived.params()), arrived.params().encode());
      JsonObject restored = FramePictures.withPicture(arrived.params(), "k1", PICTURE);
      assertNull(FramePictures.missing(restored));
      JsonObject stage = restored.containsKey("stages")
          ? restored.getJsonArray("stages").getJsonObject(1).getJsonObject("params") : restored;
      assertSame(PICTURE, stage.getBuffer(FramePictures.PICTURE));
      assertEquals(0, stage.getInteger("red"));
    }
  }

  @Test
  void parametersWithoutAPictureCrossAsTheyAre() {
    JsonObject params = new JsonObject().put("low", 50).put("high", 150);
    FrameMessage frame = FrameMessage.frame("s1", 1, "edges", params, 1, 2, Buffer.buffer("jpeg"));
    Buffer wire = Buffer.buffer();
    new FrameMessageCodec().encodeToWire(wire, frame);
    FrameMessage arrived = new FrameMessageCodec().decodeFromWire(0, wire);
    assertEquals(params, arrived.params());
    assertNull(FramePictures.missing(arrived.params()));
    assertNull(FramePictures.missing(replace()), "a picture carried is not missing");
    assertFalse(FramePictures.withPicture(params, "k1", PICTURE).containsKey(FramePictures.PICTURE));
  }
}
