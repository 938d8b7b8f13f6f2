package dev.livelens.rooms;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A room as every node sees it: stored as JSON in the cluster-wide map and published on every change.
 * Immutable; each change makes a new one. A call is a room of two whose only possible members are the
 * two people in it ({@code invited}).
 *
 * @param members one per person, however many tabs they have in the room
 * @param removed the people its owner removed: they may not join it again
 */
record Room(String id, String name, int max, boolean call, long owner, List<Long> invited, List<Member> members,
    List<Long> removed) {

  /** Why a room ended when its owner closed it (a call just ends). */
  static final String CLOSED = "closed";
  /** Why a member's place in a room ended when its owner removed them. */
  static final String REMOVED = "removed";

  /**
   * One person in a room.
   *
   * @param connections the ids of their sockets in the room (tabs), as in {@link Presence}: the connections of a
   *     node that died without closing them are found there and taken away ({@link RoomSweeper})
   * @param stream the id of their processed camera stream, or null while their camera is off; never sent to pages
   */
  record Member(long id, String name, List<String> connections, String stream, boolean muted) {

    JsonObject toJson() {
      return new JsonObject().put("id", id).put("name", name).put("connections", new JsonArray(new ArrayList<>(connections))).put("stream", stream)
          .put("muted", muted);
    }

    static Member fromJson(JsonObject json) {
      return new Member(json.getLong("id"), json.getString("name"), json.getJsonArray("connections").stream().map(String.class::cast).toList(),
          json.getString("stream"), json.getBoolean("muted", false));
    }

    /** What a page may know: no stream id, so nobody can listen to a camera without being in the room. */
    JsonObject forPage() {
      return new JsonObject().put("id", id).put("name", name).put("camera", stream != null).put("muted", muted);
    }
  }

  boolean isFull() {
    return members.size() >= max;
  }

  boolean isEmpty() {
    return members.isEmpty();
  }

  boolean mayJoin(long userId) {
    return (!call || invited.contains(userId)) && !removed.contains(userId);
  }

  Optional<Member> member(long userId) {
    return members.stream().filter(m -> m.id() == userId).findFirst();
  }

  Room with(Member member) {
    List<Member> changed = new ArrayList<>(members.stream().filter(m -> m.id() != member.id()).toList());
    changed.add(member);
    changed.sort((a, b) -> Long.compare(a.id(), b.id()));
    return new Room(id, name, max, call, owner, invited, List.copyOf(changed), removed);
  }

  Room without(long userId) {
    return new Room(id, name, max, call, owner, invited,
        members.stream().filter(m -> m.id() != userId).toList(), removed);
  }

  /** The room without that person, who may not join it again (its owner removed them). */
  Room removing(long userId) {
    List<Long> more = new ArrayList<>(removed);
    more.add(userId);
    return new Room(id, name, max, call, owner, invited, without(userId).members(), List.copyOf(more));
  }

  /** The room without the connections {@code gone}: a person none of whose connections remains leaves it. */
  Room withoutConnections(Set<String> gone) {
    List<Member> kept = members.stream().map(m -> new Member(m.id(), m.name(),
        m.connections().stream().filter(c -> !gone.contains(c)).toList(), m.stream(), m.muted()))
        .filter(m -> !m.connections().isEmpty()).toList();
    return new Room(id, name, max, call, owner, invited, kept, removed);
  }

  /** The room with one member changed, or unchanged when they are not in it. */
  Room changing(long userId, UnaryOperator<Member> change) {
    return member(userId).map(m -> with(change.apply(m))).orElse(this);
  }

  JsonObject toJson() {
    return new JsonObject().put("id", id).put("name", name).put("max", max).put("call", call).put("owner", owner)
        .put("invited", new JsonArray(new ArrayList<>(invited))).put("removed", new JsonArray(new ArrayList<>(removed)))
        .put("members", new JsonArray(members.stream().map(Member::toJson).toList()));
  }

  static Room fromJson(JsonObject json) {
    List<Long> invited = json.getJsonArray("invited").stream().map(v -> ((Number) v).longValue()).toList();
    List<Member> members = json.getJsonArray("members").stream().map(v -> Member.fromJson((JsonObject) v)).toList();
    List<Long> removed = json.getJsonArray("removed", new JsonArray()).stream().map(v -> ((Number) v).longValue())
        .toList();
    return new Room(json.getString("id"), json.getString("name"), json.getInteger("max"), json.getBoolean("call"),
        json.getLong("owner"), invited, members, removed);
  }

  /** What a page may know of the room. */
  JsonObject forPage() {
    return new JsonObject().put("id", id).put("name", name).put("max", max).put("call", call).put("owner", owner)
        .put("members", new JsonArray(members.stream().map(Member::forPage).toList()));
  }
}
