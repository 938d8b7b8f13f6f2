package dev.livelens.account;

import java.time.temporal.ChronoUnit;
import java.time.Instant;
import dev.livelens.web.Problem;
import dev.livelens.config.AccountConfig;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Failed logins counted per account name and per client address in a sliding window; past the limit,
 * logins are refused until the oldest failure leaves the window. In memory on this node: a restart or
 * another node starts counting afresh, which still caps guessing at a few tries a window per node.
 */
final class LoginLimits {

  /** Refused for now: try again after this long. */
  static final class TooManyAttempts extends Problem {
    final Duration retryAfter;

    TooManyAttempts(Duration retryAfter) {
      this("too many failed logins for this name or from this address", retryAfter);
    }

    TooManyAttempts(String what, Duration retryAfter) {
      super(429, "too_many_attempts", what + "; try again in " + inWords(seconds(retryAfter)));
      this.retryAfter = retryAfter;
      long seconds = seconds(retryAfter);
      // Retry-After in seconds, and the same in the JSON for a person to read.
      withHeader("Retry-After", String.valueOf(seconds)).with("retryAfterSeconds", seconds)
          .with("retryAt", Instant.now().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private static long seconds(Duration retryAfter) {
      return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    private static String inWords(long seconds) {
      return seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
    }
  }

  private final Window byName;
  private final Window byAddress;
  private final Window signups;

  LoginLimits(AccountConfig config, LongSupplier nowMs) {
    this.byName = new Window(config.loginFailuresPerName(), config.loginWindow().toMillis(), nowMs);
    this.byAddress = new Window(config.loginFailuresPerAddress(), config.loginWindow().toMillis(), nowMs);
    this.signups = new Window(config.signupsPerAddress(), config.loginWindow().toMillis(), nowMs);
  }

  /**
   * Counts a sign-up from {@code address}, whatever comes of it (a taken name tells whether a name
   * exists, so each try counts); throws {@link TooManyAttempts} once the address has used up its window.
   */
  void signup(String address) {
    long wait = signups.waitMs(address);
    if (wait > 0) {
      throw new TooManyAttempts("too many sign-ups from this address", Duration.ofMillis(wait));
    }
    signups.add(address);
  }

  /** Throws {@link TooManyAttempts} when this name or this address has used up its failures. */
  void check(String username, String address) {
    long wait = Math.max(byName.waitMs(Users.key(username)), byAddress.waitMs(address));
    if (wait > 0) {
      throw new TooManyAttempts(Duration.ofMillis(wait));
    }
  }

  /**
   * Counts an attempt as failed before its password is checked, so that attempts sent all at once cannot
   * pass the limit while their hashes are still being computed; {@link #succeeded} takes it back.
   */
  void attempt(String username, String address) {
    check(username, address);
    byName.add(Users.key(username));
    byAddress.add(address);
  }

  /** The right password ends the name's count, and this attempt no longer counts against the address. */
  void succeeded(String username, String address) {
    byName.clear(Users.key(username));
    byAddress.removeNewest(address);
  }

  /** Forgets failures older than the window; run now and then so the maps hold only recent keys. */
  void prune() {
    byName.prune();
    byAddress.prune();
    signups.prune();
  }

  /** Each key's recent failure times, at most {@code limit} of them. */
  private static final class Window {
    private final int limit;
    private final long lengthMs;
    private final LongSupplier nowMs;
    private final Map<String, ArrayDeque<Long>> failures = new ConcurrentHashMap<>();

    Window(int limit, long lengthMs, LongSupplier nowMs) {
      this.limit = limit;
      this.lengthMs = lengthMs;
      this.nowMs = nowMs;
    }

    long waitMs(String key) {
      long now = nowMs.getAsLong();
      long[] wait = {0};
      failures.computeIfPresent(key, (k, times) -> {
        dropOld(times, now);
        if (times.size() >= limit) {
          wait[0] = times.peekFirst() + lengthMs - now;
        }
        return times.isEmpty() ? null : times;
      });
      return wait[0];
    }

    void add(String key) {
      long now = nowMs.getAsLong();
      failures.compute(key, (k, times) -> {
        ArrayDeque<Long> kept = times == null ? new ArrayDeque<>() : times;
        dropOld(kept, now);
        kept.addLast(now);
        while (kept.size() > limit) {
          kept.removeFirst();
        }
        return kept;
      });
    }

    void clear(String key) {
      failures.remove(key);
    }

    void removeNewest(String key) {
      failures.computeIfPresent(key, (k, times) -> {
        times.pollLast();
        return times.isEmpty() ? null : times;
      });
    }

    void prune() {
      long now = nowMs.getAsLong();
      failures.keySet().forEach(key -> failures.computeIfPresent(key, (k, times) -> {
        dropOld(times, now);
        return times.isEmpty() ? null : times;
      }));
    }

    private void dropOld(ArrayDeque<Long> times, long now) {
      while (!times.isEmpty() && times.peekFirst() <= now - lengthMs) {
        times.removeFirst();
      }
    }
  }
}
