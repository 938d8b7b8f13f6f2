package dev.livelens.library;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/**
 * Which node works on which unfinished video (its job, its packaging): a lease on the video's row, the
 * node's name until a time the node keeps pushing back while it works. Taking a lease is one conditional
 * UPDATE whose row count says who won, so nodes racing for the same lapsed video never both get it; a node
 * that dies stops renewing, and another takes its work over once the lease has lapsed.
 *
 * <p>Times are the nodes' clocks (epoch ms): they must agree to well within a lease, as NTP keeps them.
 */
public final class VideoLeases {

  /**
   * Which leases a taker may take: a condition on the videos' rows and its two parameters.
   *
   * @param before leases lapsing before this time (epoch ms) are free
   * @param owner the taking node's name
   */
  public record Claim(String condition, long before, String owner) {

    /** The condition's parameters, after {@code values}. */
    public Tuple after(Tuple values) {
      return values.addLong(before).addString(owner);
    }
  }

  private static final String LAPSED = "lease_until < ? AND (lease_owner IS NULL OR lease_owner <> ?)";
  private static final String LAPSED_OR_OWN = "(lease_until < ? OR lease_owner = ?)";
  /** A video that still needs work: processing, or with a job queued or running (jobs.Job's states). */
  private static final String UNFINISHED =
      "(status = ? OR id IN (SELECT video_id FROM jobs WHERE state IN ('queued', 'running')))";

  private final Pool pool;
  private final String owner;
  private final long leaseMs;
  private final boolean shared;

  /**
   * @param owner this node's name, unique among the live nodes sharing the database
   * @param sharedDatabase whether other nodes may use the database (PostgreSQL); SQLite is this node's own
   */
  public VideoLeases(Pool pool, String owner, long leaseMs, boolean sharedDatabase) {
    this.pool = pool;
    this.owner = owner;
    this.leaseMs = leaseMs;
    this.shared = sharedDatabase;
  }

  public String owner() {
    return owner;
  }

  /** When a lease taken or renewed now lapses. */
  public long until() {
    return System.currentTimeMillis() + leaseMs;
  }

  /** What a live node may take: leases of other nodes that have lapsed (its own are in its hands). */
  public Claim lapsed() {
    return new Claim(LAPSED, System.currentTimeMillis(), owner);
  }

  /**
   * What a starting node may take: lapsed leases and those held under its own name (an earlier run of this
   * node: no live node has its name); on a database no other node uses, every one.
   */
  public Claim atStart() {
    return new Claim(LAPSED_OR_OWN, shared ? System.currentTimeMillis() : Long.MAX_VALUE, owner);
  }

  /** Takes the video's lease for this node if {@code claim} allows it and the video still needs work. */
  public Future<Boolean> take(String videoId, Claim claim) {
    return pool.preparedQuery("UPDATE videos SET lease_owner = ?, lease_until = ? WHERE id = ? AND "
            + claim.condition() + " AND " + UNFINISHED)
        .execute(claim.after(Tuple.of(owner, until(), videoId)).addString(Video.PROCESSING))
        .map(rows -> rows.rowCount() == 1);
  }

  /** Pushes back the lapse of every lease this node holds on a video still processing; how many. */
  public Future<Integer> renew() {
    return pool.preparedQuery("UPDATE videos SET lease_until = ? WHERE lease_owner = ? AND status = ?")
        .execute(Tuple.of(until(), owner, Video.PROCESSING)).map(rows -> rows.rowCount());
  }
}
