package dev.livelens.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The faces filter's state across a stream's frames, as the stream keeps it. */
class FaceTrackingTest {

  private final JsonObject everySecond = new JsonObject().put("detectEvery", 2);
  private final FaceTracking tracking = new FaceTracking();

  @Test
  void framesDetectUntilADetectionHasAnswered() {
    assertTrue(tracking.next(everySecond).getBoolean("detect"));
    assertTrue(tracking.next(everySecond).getBoolean("detect"), "nothing known yet to carry");
  }

  @Test
  void betweenDetectionsFramesCarryTheNewestBoxes() {
    JsonObject first = tracking.next(everySecond);
    tracking.learn(first, faces(1));
    JsonObject second = tracking.next(everySecond);
    assertFalse(second.getBoolean("detect"));
    assertEquals(faces(1).getJsonArray("faces"), second.getJsonArray("boxes"));
    assertTrue(tracking.next(everySecond).getBoolean("detect"));
  }

  @Test
  void anOlderDetectionAnsweringLateIsIgnored() {
    JsonObject older = tracking.next(everySecond);
    JsonObject newer = tracking.next(everySecond);
    tracking.learn(newer, faces(2));
    tracking.learn(older, faces(1));
    tracking.next(everySecond);
    assertEquals(faces(2).getJsonArray("faces"), tracking.next(everySecond).getJsonArray("boxes"));
  }

  @Test
  void carriedFramesTeachNothing() {
    tracking.learn(tracking.next(everySecond), faces(1));
    JsonObject carrying = tracking.next(everySecond);
    tracking.learn(carrying, faces(9));
    tracking.next(everySecond);
    assertEquals(faces(1).getJsonArray("faces"), tracking.next(everySecond).getJsonArray("boxes"));
  }

  /** A faces report with one box whose x is {@code x}. */
  private static JsonObject faces(int x) {
    return new JsonObject().put("type", "faces")
        .put("faces", new JsonArray().add(new JsonObject().put("x", x).put("y", 0).put("w", 10).put("h", 10)));
  }
}
