package dev.livelens.library;

import dev.livelens.web.Failures;
import dev.livelens.web.Problem;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * The HLS playlists made on request, after {@link MediaAccess} let the request through: the master playlist
 * ({@code hls/master.m3u8}: the packaged {@code index.m3u8} as its one variant and, once the transcript is
 * ready, its WebVTT as a SUBTITLES rendition, so hls.js and native players offer captions), the subtitles'
 * media playlist ({@code hls/subtitles.m3u8}: the whole WebVTT as one segment) and that WebVTT
 * ({@code hls/subtitles.vtt}). A signed link's token goes onto every URI in them. Other files go on.
 */
final class HlsRenditions implements Handler<RoutingContext> {

  private static final String GROUP = "subs";

  private final Library library;

  HlsRenditions(Library library) {
    this.library = library;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    String file = path.substring(path.lastIndexOf('/') + 1);
    String rest = path.substring(path.indexOf("/api/videos/") + "/api/videos/".length());
    String id = rest.substring(0, rest.indexOf('/'));
    switch (file) {
      case "master.m3u8" -> master(ctx, id);
      case "subtitles.m3u8" -> subtitlesPlaylist(ctx, id);
      case "subtitles.vtt" -> library.spokenWords().subtitles(id).onSuccess(found -> found.ifPresentOrElse(
          subtitles -> ctx.response().putHeader("Content-Type", "text/vtt; charset=utf-8")
              .putHeader("Cache-Control", "private, no-store").end(timestampMapped(subtitles.webVtt())),
          () -> Failures.answer(ctx, noSubtitles()))).onFailure(ctx::fail);
      default -> ctx.next();
    }
  }

  private void master(RoutingContext ctx, String id) {
    library.videos().find(id).compose(video -> library.spokenWords().language(id).map(language -> {
      StringBuilder m3u8 = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
      language.ifPresent(tag -> m3u8.append("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"").append(GROUP)
          .append("\",NAME=\"").append(name(tag)).append("\",LANGUAGE=\"").append(tag)
          .append("\",DEFAULT=YES,AUTOSELECT=YES,FORCED=NO,URI=\"subtitles.m3u8\"\n"));
      m3u8.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(video.map(HlsRenditions::bandwidth).orElse(2_500_000L));
      video.filter(v -> v.width() != null && v.height() != null)
          .ifPresent(v -> m3u8.append(",RESOLUTION=").append(v.width()).append('x').append(v.height()));
      language.ifPresent(tag -> m3u8.append(",SUBTITLES=\"").append(GROUP).append('"'));
      return m3u8.append("\nindex.m3u8\n").toString();
    })).onSuccess(m3u8 -> playlist(ctx, m3u8)).onFailure(ctx::fail);
  }

  private void subtitlesPlaylist(RoutingContext ctx, String id) {
    library.videos().find(id).compose(video -> library.spokenWords().language(id).map(language ->
        language.isEmpty() || video.isEmpty() ? null : video.get().durationMs() == null ? 0.0
            : video.get().durationMs() / 1000.0)).onSuccess(seconds -> {
              if (seconds == null) {
                Failures.answer(ctx, noSubtitles());
                return;
              }
              playlist(ctx, String.format(Locale.ROOT, "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:%d\n"
                  + "#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:%.3f,\nsubtitles.vtt\n#EXT-X-ENDLIST\n",
                  (long) Math.ceil(seconds), seconds));
            }).onFailure(ctx::fail);
  }

  private static void playlist(RoutingContext ctx, String m3u8) {
    String token = ctx.get(MediaAccess.TOKEN);
    ctx.response().putHeader("Content-Type", "application/vnd.apple.mpegurl")
        .putHeader("Cache-Control", "private, no-store").end(token == null ? m3u8 : MediaLinks.withToken(m3u8, token));
  }

  /** Cue time 0 is media time 0 (HLS asks for the mapping in every WebVTT segment). */
  private static String timestampMapped(String webVtt) {
    return webVtt.replaceFirst("WEBVTT\n", "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n");
  }

  private static long bandwidth(Video video) {
    return video.sizeBytes() == null || video.durationMs() == null || video.durationMs() <= 0 ? 2_500_000L
        : Math.max(1, video.sizeBytes() * 8 * 1000 / video.durationMs());
  }

  private static String name(String tag) {
    String name = Locale.forLanguageTag(tag).getDisplayName(Locale.ENGLISH);
    return name.isBlank() ? tag : name.replace("\"", "");
  }

  private static Problem noSubtitles() {
    return Problem.notFound("this video has no subtitles yet (its transcript is not ready)");
  }
}
