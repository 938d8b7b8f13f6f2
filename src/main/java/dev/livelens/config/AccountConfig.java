package dev.livelens.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Accounts: how long a sign-in lasts, and how many failed logins a name or a client address may have in
 * a window before logins are refused for a while, and how many sign-ups an address may try in that window.
 */
public record AccountConfig(Duration sessionLifetime, int loginFailuresPerName, int loginFailuresPerAddress,
    Duration loginWindow, int signupsPerAddress) {

  static final List<Option> OPTIONS = List.of(
      Option.of("session-hours", "168", "how long a sign-in lasts (the session cookie's lifetime; 168 = 7 days)"),
      Option.of("login-failures-per-name", "5", "failed logins to one account within --login-window-minutes "
          + "after which its logins get 429 until the oldest failure is out of the window"),
      Option.of("login-failures-per-address", "20", "the same, for failed logins from one client address"),
      Option.of("login-window-minutes", "15", "the window the failed logins are counted in"),
      Option.of("signups-per-address", "10", "sign-up attempts (taken names included) from one client address "
          + "within --login-window-minutes; more get 429 with Retry-After"));

  static AccountConfig from(Map<String, String> values) {
    return new AccountConfig(
        Duration.ofHours(LiveLensConfig.intValue(values, "--session-hours", 1, 24 * 366)),
        LiveLensConfig.intValue(values, "--login-failures-per-name", 1, 1_000_000),
        LiveLensConfig.intValue(values, "--login-failures-per-address", 1, 1_000_000),
        Duration.ofMinutes(LiveLensConfig.intValue(values, "--login-window-minutes", 1, 24 * 60)),
        LiveLensConfig.intValue(values, "--signups-per-address", 1, 1_000_000));
  }
}
