package dev.livelens.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who the server is to the outside and who may read its metrics.
 *
 * @param publicUrls the origins people reach this server by ({@code --public-url}); requests naming
 *     another host are refused (against DNS rebinding). Loopback names at the listening port are always
 *     trusted.
 * @param metricsToken the bearer token that opens {@code /metrics} to a scraper from any address
 */
public record EdgeConfig(List<URI> publicUrls, Optional<String> metricsToken) {

  static final List<Option> OPTIONS = List.of(
      Option.of("public-url", "", "comma-separated origins people reach this server by, e.g. "
          + "https://livelens.example; requests whose Host is none of them (nor localhost, 127.0.0.1 or [::1] at "
          + "the listening port) get 421 misdirected"),
      Option.of("metrics-token", "", "bearer token that lets a scraper read /metrics from any address "
          + "(without it, and for the dashboard, only loopback clients may)"));

  static EdgeConfig from(Map<String, String> values) {
    List<URI> urls = new ArrayList<>();
    for (String text : values.get("--public-url").split(",")) {
      if (!text.isBlank()) {
        urls.add(origin(text.trim()));
      }
    }
    String token = values.get("--metrics-token").trim();
    if (!token.isEmpty() && token.length() < 16) {
      throw new LiveLensConfig.UsageException("--metrics-token must be at least 16 characters long");
    }
    return new EdgeConfig(List.copyOf(urls), token.isEmpty() ? Optional.empty() : Optional.of(token));
  }

  private static URI origin(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || !bare
          || uri.getRawQuery() != null || uri.getUserInfo() != null) {
        throw new LiveLensConfig.UsageException("--public-url takes origins such as https://livelens.example "
            + "or http://10.0.0.5:8080, not " + text);
      }
      return new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(), null, null, null);
    } catch (URISyntaxException e) {
      throw new LiveLensConfig.UsageException("--public-url: not a URL: " + text);
    }
  }
}
