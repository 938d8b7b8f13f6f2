package dev.livelens.library.imports;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The video a web page shows, when someone gives the page's address instead of the video's: the page's
 * {@code <video src>}, else the first {@code <source src>}, else its {@code og:video} meta tag (what sites put
 * there for previews). Read with patterns, not a parser: a page that builds its player in script has none.
 */
public final class VideoInPage {

  private static final Pattern TAG = Pattern.compile("<(video|source|meta)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ATTRIBUTE = Pattern.compile(
      "([a-zA-Z:_-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))");
  private static final List<String> OG_VIDEO = List.of("og:video:secure_url", "og:video:url", "og:video");

  private VideoInPage() {
  }

  /** Whether these first bytes (or the server's content type) say the file is an HTML page. */
  public static boolean isPage(String contentType, String start) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    String head = start.stripLeading().toLowerCase(Locale.ROOT);
    return type.startsWith("text/html") || type.startsWith("application/xhtml")
        || head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head");
  }

  /** The video's address, resolved against the page's, or empty when the page names none over http(s). */
  public static Optional<URI> find(String html, URI page) {
    String video = null;
    String source = null;
    String og = null;
    int ogRank = OG_VIDEO.size();
    Matcher tags = TAG.matcher(html);
    while (tags.find()) {
      String tag = tags.group(1).toLowerCase(Locale.ROOT);
      Matcher attributes = ATTRIBUTE.matcher(tags.group(2));
      String src = null;
      String property = null;
      String content = null;
      while (attributes.find()) {
        String name = attributes.group(1).toLowerCase(Locale.ROOT);
        String value = attributes.group(2) != null ? attributes.group(2)
            : attributes.group(3) != null ? attributes.group(3) : attributes.group(4);
        switch (name) {
          case "src" -> src = value;
          case "property", "name" -> property = value.toLowerCase(Locale.ROOT);
          case "content" -> content = value;
          default -> { }
        }
      }
      if (tag.equals("video") && src != null && video == null) {
        video = src;
      } else if (tag.equals("source") && src != null && source == null) {
        source = src;
      } else if (tag.equals("meta") && property != null && content != null && OG_VIDEO.contains(property)
          && OG_VIDEO.indexOf(property) < ogRank) {
        og = content;
        ogRank = OG_VIDEO.indexOf(property);
      }
    }
    for (String found : new String[] {video, source, og}) {
      Optional<URI> uri = resolve(page, found);
      if (uri.isPresent()) {
        return uri;
      }
    }
    return Optional.empty();
  }

  private static Optional<URI> resolve(URI page, String found) {
    if (found == null || found.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(UrlCheck.parse(page.resolve(found.strip().replace("&amp;", "&")).toString()));
    } catch (UrlCheck.BadUrl | IllegalArgumentException notHttp) {
      return Optional.empty(); // a blob: or data: address, or nonsense
    }
  }
}
