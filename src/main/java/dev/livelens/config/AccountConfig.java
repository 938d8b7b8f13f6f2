package dev.livelens.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accounts: how long a sign-in lasts, and how many failed logins a name or a client address may have in
 * a window before logins are refused for a while, and how many sign-ups an address may try in that window;
 * who the admins are (by name, lower case); how long a guest identity and what it made are kept without a
 * sign-up.
 */
public record AccountConfig(Duration sessionLifetime, int loginFailuresPerName, int loginFailuresPerAddress,
    Duration loginWindow, int signupsPerAddress, Set<String> admins, Duration guestLifetime) {

  /** With no admins and guests kept 30 days. */
  public AccountConfig(Duration sessionLifetime, int loginFailuresPerName, int loginFailuresPerAddress,
      Duration loginWindow, int signupsPerAddress) {
    this(sessionLifetime, loginFailuresPerName, loginFailuresPerAddress, loginWindow, signupsPerAddress, Set.of(),
        Duration.ofDays(30));
  }

  /** Whether an account of this name is an admin (names compare ignoring case, like at sign-up). */
  public boolean isAdmin(String username) {
    return admins.contains(username.toLowerCase(Locale.ROOT));
  }

  static final List<Option> OPTIONS = List.of(
      Option.of("session-hours", "168", "how long a sign-in lasts (the session cookie's lifetime; 168 = 7 days)"),
      Option.of("login-failures-per-name", "5", "failed logins to one account within --login-window-minutes "
          + "after which its logins get 429 until the oldest failure is out of the window"),
      Option.of("login-failures-per-address", "20", "the same, for failed logins from one client address"),
      Option.of("login-window-minutes", "15", "the window the failed logins are counted in"),
      Option.of("signups-per-address", "10", "sign-up attempts (taken names included) from one client address "
          + "within --login-window-minutes; more get 429 with Retry-After"),
      Option.of("admins", "", "account names (comma-separated) that see and manage every video, job and room"),
      Option.of("guest-days", "30", "days a guest identity (a visitor who recorded or uploaded without an "
          + "account) and everything it made are kept without a sign-up"));

  static AccountConfig from(Map<String, String> values) {
    return new AccountConfig(
        Duration.ofHours(LiveLensConfig.intValue(values, "--session-hours", 1, 24 * 366)),
        LiveLensConfig.intValue(values, "--login-failures-per-name", 1, 1_000_000),
        LiveLensConfig.intValue(values, "--login-failures-per-address", 1, 1_000_000),
        Duration.ofMinutes(LiveLensConfig.intValue(values, "--login-window-minutes", 1, 24 * 60)),
        LiveLensConfig.intValue(values, "--signups-per-address", 1, 1_000_000),
        Arrays.stream(values.get("--admins").split(",")).map(String::strip).filter(name -> !name.isEmpty())
            .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()),
        Duration.ofDays(LiveLensConfig.intValue(values, "--guest-days", 1, 3660)));
  }
}
