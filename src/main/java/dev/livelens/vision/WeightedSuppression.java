package dev.livelens.vision;

import dev.livelens.vision.BlazeFaceDetector.Candidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MediaPipe's weighted non-maximum suppression: the best box and every box overlapping it by more than the
 * threshold become one box, their score-weighted average, with the best one's score. Neighbouring anchors
 * all fire on one face; averaging them steadies the box from frame to frame better than keeping one.
 */
final class WeightedSuppression {

  private WeightedSuppression() {
  }

  static List<Candidate> merge(List<Candidate> candidates, double iouThreshold) {
    List<Candidate> left = new ArrayList<>(candidates);
    left.sort(Comparator.comparingDouble(Candidate::score).reversed());
    List<Candidate> merged = new ArrayList<>();
    while (!left.isEmpty()) {
      Candidate best = left.get(0);
      double total = 0;
      double x = 0;
      double y = 0;
      double w = 0;
      double h = 0;
      List<Candidate> rest = new ArrayList<>();
      for (Candidate c : left) {
        if (c == best || best.iou(c) > iouThreshold) {
          total += c.score();
          x += c.score() * c.x();
          y += c.score() * c.y();
          w += c.score() * c.w();
          h += c.score() * c.h();
        } else {
          rest.add(c);
        }
      }
      merged.add(new Candidate(best.score(), x / total, y / total, w / total, h / total));
      left = rest;
    }
    return merged;
  }
}
