package dev.livelens.filter;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Rect;

/** Face boxes to and from the protocol's JSON shape {x, y, w, h}. */
public final class FaceBoxes {

  private FaceBoxes() {
  }

  public static JsonArray toJson(List<Rect> faces) {
    JsonArray array = new JsonArray();
    for (Rect r : faces) {
      array.add(new JsonObject().put("x", r.x).put("y", r.y).put("w", r.width).put("h", r.height));
    }
    return array;
  }

  public static List<Rect> fromJson(JsonArray array) {
    List<Rect> faces = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonObject box = array.getJsonObject(i);
      faces.add(new Rect(box.getInteger("x"), box.getInteger("y"), box.getInteger("w"), box.getInteger("h")));
    }
    return faces;
  }
}
