package dev.livelens.social;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Ranks public videos for one viewer from memory: the snapshot's measurements plus the newest videos, the
 * people the viewer follows and what the viewer watched to the end. Keeps only the top of the list.
 */
final class ForYou {

  /** What is known of the viewer: whom they follow and which videos they watched to the end. */
  record Viewer(Set<Long> follows, Set<String> completed) {

    static final Viewer NOBODY = new Viewer(Set.of(), Set.of());
  }

  private record Scored(String id, double score) {
  }

  private ForYou() {
  }

  /** The ids of the best {@code offset + limit} candidates, best first, from {@code offset} on. */
  static List<String> rank(Collection<VideoStats> candidates, Map<String, VideoStats> board, Viewer viewer,
      long now, int offset, int limit) {
    Map<Long, Integer> ownerCompletions = new HashMap<>();
    for (String id : viewer.completed()) {
      VideoStats seen = board.get(id);
      if (seen != null && seen.ownerId() != null) {
        ownerCompletions.merge(seen.ownerId(), 1, Integer::sum);
      }
    }
    int keep = offset + limit;
    Comparator<Scored> order = Comparator.comparingDouble(Scored::score).thenComparing(Scored::id,
        Comparator.reverseOrder());
    PriorityQueue<Scored> top = new PriorityQueue<>(keep + 1, order);
    for (VideoStats s : candidates) {
      Long owner = s.ownerId();
      double score = Ranking.forViewer(s, now, owner != null && viewer.follows().contains(owner),
          owner == null ? 0 : ownerCompletions.getOrDefault(owner, 0), viewer.completed().contains(s.id()));
      top.add(new Scored(s.id(), score));
      if (top.size() > keep) {
        top.poll();
      }
    }
    List<Scored> best = new ArrayList<>(top);
    best.sort(order.reversed());
    List<String> ids = new ArrayList<>();
    for (int i = offset; i < best.size(); i++) {
      ids.add(best.get(i).id());
    }
    return ids;
  }
}
