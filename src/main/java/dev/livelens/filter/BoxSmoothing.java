package dev.livelens.filter;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Rect;

/** Box arithmetic shared by the face filters: overlap, smoothing towards earlier boxes, margins. */
final class BoxSmoothing {

  private BoxSmoothing() {
  }

  /**
   * Each new box moved towards the earlier box it overlaps most (by {@code weight} of the way, 0 to 1):
   * the detector's frame-to-frame jitter damped, a new face taken as it is.
   */
  static List<Rect> smooth(List<Rect> found, List<Rect> earlier, double weight) {
    List<Rect> smoothed = new ArrayList<>(found.size());
    for (Rect box : found) {
      Rect match = null;
      double best = 0.3;
      for (Rect old : earlier) {
        double overlap = iou(box, old);
        if (overlap > best) {
          best = overlap;
          match = old;
        }
      }
      smoothed.add(match == null ? box : blend(box, match, weight));
    }
    return smoothed;
  }

  static double iou(Rect a, Rect b) {
    double width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
    double height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
    double inter = Math.max(0, width) * Math.max(0, height);
    double union = a.area() + b.area() - inter;
    return union <= 0 ? 0 : inter / union;
  }

  /** {@code box} grown by {@code margin} of its size on every side, clipped to a cols x rows frame. */
  static Rect grown(Rect box, double margin, int cols, int rows) {
    int dx = (int) Math.round(box.width * margin);
    int dy = (int) Math.round(box.height * margin);
    int x = Math.max(0, box.x - dx);
    int y = Math.max(0, box.y - dy);
    int right = Math.min(cols, box.x + box.width + dx);
    int bottom = Math.min(rows, box.y + box.height + dy);
    return new Rect(x, y, Math.max(0, right - x), Math.max(0, bottom - y));
  }

  private static Rect blend(Rect now, Rect before, double weight) {
    return new Rect(mix(now.x, before.x, weight), mix(now.y, before.y, weight),
        mix(now.width, before.width, weight), mix(now.height, before.height, weight));
  }

  private static int mix(int now, int before, double weight) {
    return (int) Math.round(now * (1 - weight) + before * weight);
  }
}
