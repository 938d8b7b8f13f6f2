package dev.livelens.upload;

import dev.livelens.media.DiskQuota;
import dev.livelens.web.Problem;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an upload in progress holds from its creation to its end (complete, expired or deleted): a place
 * among its address's uploads and its declared length promised on the disk quota. In memory on this node:
 * uploads found at a restart hold nothing until they end.
 */
final class UploadClaims {

  private record Claim(String address, long bytes) {
  }

  private final int maxPerAddress;
  private final DiskQuota quota;
  private final Map<String, Set<String>> byAddress = new ConcurrentHashMap<>();
  private final Map<String, Claim> claims = new ConcurrentHashMap<>();

  UploadClaims(int maxPerAddress, DiskQuota quota) {
    this.maxPerAddress = maxPerAddress;
    this.quota = quota;
  }

  /**
   * Takes a place for upload {@code id} from {@code address} and promises its {@code declared} bytes
   * (0 when deferred) within {@code remaining}; throws a {@link Problem} (429, 413) and takes nothing when
   * either does not fit.
   */
  void claim(String id, String address, long declared, long remaining) {
    boolean[] placed = {false};
    byAddress.compute(address, (key, ids) -> {
      Set<String> kept = ids == null ? new HashSet<>() : ids;
      if (kept.size() < maxPerAddress) {
        kept.add(id);
        placed[0] = true;
      }
      return kept.isEmpty() ? null : kept;
    });
    if (!placed[0]) {
      throw new Problem(429, "too_many_uploads", "this address has " + maxPerAddress + " uploads in progress, "
          + "the most allowed; finish or delete one first").withHeader("Retry-After", "60");
    }
    long bytes = Math.max(0, declared);
    if (!quota.tryReserve(bytes, remaining)) {
      leave(address, id);
      throw new Problem(413, "quota_full", "an upload of " + bytes + " bytes does not fit in the space left "
          + "(--max-data-bytes is " + quota.maxBytes() + " bytes, shared by every video and upload in progress)");
    }
    claims.put(id, new Claim(address, bytes));
  }

  /** The upload ended: its place and its promise are given back (once, however often called). */
  void release(String id) {
    Claim claim = claims.remove(id);
    if (claim != null) {
      quota.release(claim.bytes());
      leave(claim.address(), id);
    }
  }

  private void leave(String address, String id) {
    byAddress.computeIfPresent(address, (key, ids) -> {
      ids.remove(id);
      return ids.isEmpty() ? null : ids;
    });
  }
}
