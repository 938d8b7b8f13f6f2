package dev.livelens.upload;

import dev.livelens.media.DiskQuota;
import dev.livelens.web.Problem;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an upload in progress holds from its creation to its end (complete, expired or deleted): a place
 * among its address's uploads and among its owner's (an account or a guest: a person cannot get round the
 * limit by changing address), and its declared length promised on the disk quota. In memory on this node:
 * uploads found at a restart hold nothing until they end.
 */
final class UploadClaims {

  private record Claim(List<String> places, long bytes) {
  }

  private final int maxPerAddress;
  private final DiskQuota quota;
  /** The uploads in progress of each address ("address <ip>") and of each owner ("owner <id>"). */
  private final Map<String, Set<String>> byPlace = new ConcurrentHashMap<>();
  private final Map<String, Claim> claims = new ConcurrentHashMap<>();

  UploadClaims(int maxPerAddress, DiskQuota quota) {
    this.maxPerAddress = maxPerAddress;
    this.quota = quota;
  }

  /**
   * Takes a place for upload {@code id} from {@code address}, made by {@code ownerId}, and promises its
   * {@code declared} bytes (0 when deferred) within {@code remaining}; throws a {@link Problem} (429, 413)
   * and takes nothing when any of them does not fit.
   */
  void claim(String id, String address, long ownerId, long declared, long remaining) {
    List<String> places = List.of("address " + address, "owner " + ownerId);
    if (!take(places.get(0), id)) {
      throw tooMany("This address has");
    }
    if (!take(places.get(1), id)) {
      leave(places.get(0), id);
      throw tooMany("You have");
    }
    long bytes = Math.max(0, declared);
    if (!quota.tryReserve(bytes, remaining)) {
      places.forEach(place -> leave(place, id));
      throw new Problem(413, "quota_full", "an upload of " + bytes + " bytes does not fit in the space left "
          + "(--max-data-bytes is " + quota.maxBytes() + " bytes, shared by every video and upload in progress)");
    }
    claims.put(id, new Claim(places, bytes));
  }

  private Problem tooMany(String whoHas) {
    return new Problem(429, "too_many_uploads", whoHas + " " + maxPerAddress + " uploads in progress, the most "
        + "allowed; finish or delete one first").withHeader("Retry-After", "60");
  }

  /** Adds {@code id} to the place's uploads unless it is full; false when full. */
  private boolean take(String place, String id) {
    boolean[] placed = {false};
    byPlace.compute(place, (key, ids) -> {
      Set<String> kept = ids == null ? new HashSet<>() : ids;
      if (kept.size() < maxPerAddress) {
        kept.add(id);
        placed[0] = true;
      }
      return kept.isEmpty() ? null : kept;
    });
    return placed[0];
  }

  /** The upload ended: its place and its promise are given back (once, however often called). */
  void release(String id) {
    Claim claim = claims.remove(id);
    if (claim != null) {
      quota.release(claim.bytes());
      claim.places().forEach(place -> leave(place, id));
    }
  }

  private void leave(String place, String id) {
    byPlace.computeIfPresent(place, (key, ids) -> {
      ids.remove(id);
      return ids.isEmpty() ? null : ids;
    });
  }
}
