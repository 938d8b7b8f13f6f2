package dev.livelens.library.imports;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Before an import is queued: is the URL one we may fetch, and does it answer? Redirects are followed
 * here, one at a time, each new address checked, through the {@link ImportProxy} as FFmpeg will go, so a
 * person learns at once that a URL is refused or dead. Blocking: runs on a worker thread.
 */
public final class UrlCheck {

  /** The URL cannot be imported; {@code code} is the API's error code. */
  public static final class BadUrl extends Exception {
    private final String code;

    BadUrl(String code, String message) {
      super(message);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  static final int MAX_URL = 2048;
  private static final int MAX_REDIRECTS = 5;

  private final AddressPolicy policy;
  private final HttpClient client;

  public UrlCheck(AddressPolicy policy, int proxyPort) {
    this.policy = policy;
    this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxyPort))).build();
  }

  /** The URL to give FFmpeg: {@code url} after its redirects. */
  public URI check(String url) throws BadUrl, InterruptedException {
    URI uri = parse(url);
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      allowed(uri);
      HttpResponse<InputStream> response = fetch(uri);
      try (InputStream body = response.body()) {
        int status = response.statusCode();
        if (response.headers().firstValue("X-LiveLens-Proxy").isPresent()) {
          throw new BadUrl(status == 403 ? "url_refused" : "url_unreachable", "cannot fetch " + uri.getHost());
        }
        if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
          uri = parse(uri.resolve(response.headers().firstValue("Location").get()).toString());
          continue;
        }
        if (status >= 400) {
          throw new BadUrl("url_unreachable", "the URL answered HTTP " + status);
        }
        return uri;
      } catch (IOException closing) {
        return uri;
      }
    }
    throw new BadUrl("url_unreachable", "the URL redirects more than " + MAX_REDIRECTS + " times");
  }

  private void allowed(URI uri) throws BadUrl {
    try {
      policy.resolve(uri.getHost());
    } catch (AddressPolicy.RefusedAddress e) {
      throw new BadUrl("url_refused", e.getMessage());
    } catch (UnknownHostException e) {
      throw new BadUrl("url_unreachable", "the host " + uri.getHost() + " is not known");
    }
  }

  private HttpResponse<InputStream> fetch(URI uri) throws BadUrl, InterruptedException {
    try {
      return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).header("Range", "bytes=0-")
          .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      String why = e.getMessage() != null && e.getMessage().contains("403") ? "url_refused" : "url_unreachable";
      throw new BadUrl(why, "the URL does not answer: " + e);
    }
  }

  static URI parse(String url) throws BadUrl {
    if (url == null || url.isBlank() || url.length() > MAX_URL) {
      throw new BadUrl("bad_url", "send {\"url\":\"http(s)://...\"} with a URL of at most " + MAX_URL + " characters");
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getUserInfo() != null) {
        throw new BadUrl("bad_url", "only http and https URLs with a host (and no user name) can be imported");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new BadUrl("bad_url", "not a URL: " + e.getReason());
    }
  }
}
