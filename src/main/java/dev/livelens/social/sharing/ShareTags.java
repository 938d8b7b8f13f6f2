package dev.livelens.social.sharing;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * The link preview tags of a video a person may share (Open Graph, Twitter's player card), so a pasted link
 * unfurls with its title, poster and length in chat apps. Every value is escaped for an HTML attribute; URLs
 * are absolute on the origin the request named (one the server answers to: the host guard checked it).
 */
final class ShareTags {

  private ShareTags() {
  }

  /**
   * @param video the video's API shape with its media links signed for a visitor (an unlisted video's expire)
   * @param origin e.g. {@code https://livelens.example}
   */
  static String of(JsonObject video, String origin) {
    String id = video.getString("id");
    String title = video.getString("title");
    StringBuilder tags = new StringBuilder("\n");
    property(tags, "og:type", "video.other");
    property(tags, "og:site_name", "LiveLens");
    property(tags, "og:title", title);
    property(tags, "og:url", origin + "/watch/" + id);
    Long durationMs = video.getLong("durationMs");
    if (durationMs != null) {
      property(tags, "video:duration", String.valueOf(Math.round(durationMs / 1000.0)));
      meta(tags, "description", "A " + clock(durationMs) + " video on LiveLens");
    }
    if (video.getString("poster") != null) {
      property(tags, "og:image", origin + video.getString("poster"));
      meta(tags, "twitter:image", origin + video.getString("poster"));
    }
    if (video.getString("mp4") != null) {
      property(tags, "og:video", origin + video.getString("mp4"));
      property(tags, "og:video:type", "video/mp4");
      if (video.getInteger("width") != null) {
        property(tags, "og:video:width", String.valueOf(video.getInteger("width")));
        property(tags, "og:video:height", String.valueOf(video.getInteger("height")));
      }
    }
    meta(tags, "twitter:card", "player");
    meta(tags, "twitter:title", title);
    meta(tags, "twitter:player", origin + "/embed/" + id);
    meta(tags, "twitter:player:width", "640");
    meta(tags, "twitter:player:height", "360");
    if (!"public".equals(video.getString("visibility"))) {
      meta(tags, "robots", "noindex"); // unlisted: anyone with the link, but never found by a search engine
    }
    return tags.toString();
  }

  /** A page title, escaped for HTML text. */
  static String title(String title) {
    return "<title>" + escape(title) + " – LiveLens</title>";
  }

  private static void property(StringBuilder tags, String name, String value) {
    tags.append("  <meta property=\"").append(name).append("\" content=\"").append(escape(value)).append("\">\n");
  }

  private static void meta(StringBuilder tags, String name, String value) {
    tags.append("  <meta name=\"").append(name).append("\" content=\"").append(escape(value)).append("\">\n");
  }

  static String clock(long ms) {
    long seconds = Math.round(ms / 1000.0);
    return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }

  /** For an HTML attribute or text: the five characters that could end one or start markup. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
