package dev.livelens.e2e;

import static dev.livelens.e2e.Browser.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestVideos;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** The library and watch pages in Chromium: the grid with posters, hls.js playback and seeking, a cut. */
@BrowserTest
class LibraryE2ETest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  /** The player now: time, readiness, frames decoded, and whether the frame shown has a picture. */
  private static final String READ_PLAYER = """
      const v = document.getElementById('player');
      let lit = 0;
      if (v.videoWidth) {
        const c = document.createElement('canvas');
        c.width = 64; c.height = 48;
        const ctx = c.getContext('2d', {willReadFrequently: true});
        ctx.drawImage(v, 0, 0, 64, 48);
        const d = ctx.getImageData(0, 0, 64, 48).data;
        for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] > 150) lit++;
      }
      return {time: v.currentTime, ready: v.readyState, seeking: v.seeking, lit: lit,
        frames: v.getVideoPlaybackQuality().totalVideoFrames,
        mode: document.getElementById('player-status').textContent};
      """;

  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera();
  private static Path files;
  private static String video;

  @BeforeAll
  static void addVideo() {
    files = TempDirs.create("livelens-e2e-library-");
    video = TestVideos.add(fixture.server(), TestVideos.make(files, "clip.mp4", 8), "<b>Test</b> clip").id();
    // Listed for everyone, as a public video is; the cut made from it is the browser's own.
    fixture.server().server.library().orElseThrow().videos().changeVisibility(video, "public").await();
  }

  @AfterAll
  static void removeFiles() {
    TempDirs.delete(files);
  }

  @Test
  void theLibraryListsTheVideoWithItsPosterAndItsTitleAsText() {
    fixture.browser.open(fixture.url("/library"));
    Map<String, Object> card = fixture.browser.await("the video's card with its poster", PATIENCE, () -> cardOf(video),
        c -> c != null && number(c, "posterWidth") > 0);
    assertEquals("<b>Test</b> clip", card.get("title"));
    assertEquals("ready", card.get("status"));
  }

  @Test
  void theWatchPagePlaysThroughHlsJsAndSeeksToFiveSeconds() {
    fixture.browser.open(fixture.url("/watch/" + video));
    fixture.browser.await("the player to load", PATIENCE, this::player,
        p -> "Playing with hls.js".equals(p.get("mode")) && number(p, "ready") >= 1);
    fixture.browser.js("const v = document.getElementById('player'); v.muted = true; v.currentTime = 5; v.play();");
    Map<String, Object> seen = fixture.browser.await("frames drawn after seeking to 5 s", PATIENCE, this::player,
        p -> number(p, "time") >= 5 && !(Boolean) p.get("seeking") && number(p, "ready") >= 2
            && number(p, "frames") > 0 && number(p, "lit") > 100);
    assertTrue(number(seen, "time") < 6.5, seen.toString());
    fixture.browser.js("document.getElementById('player').pause();");
  }

  @Test
  void aCutMadeOnThePageAppearsInTheLibrary() {
    fixture.browser.open(fixture.url("/watch/" + video));
    fixture.browser.await("the cut form", PATIENCE, () -> fixture.browser.js(
        "return !document.getElementById('cut-form').hidden && document.getElementById('cut-end').value;"),
        value -> value instanceof String s && !s.isEmpty());
    fixture.browser.js("document.getElementById('cut-start').value = '1';"
        + "document.getElementById('cut-end').value = '3';");
    fixture.browser.driver.findElement(By.cssSelector("input[name=mode][value=exact]")).click();
    fixture.browser.driver.findElement(By.id("cut-submit")).click();
    fixture.browser.await("the cut, ready, among this video's cuts", PATIENCE, () -> fixture.browser.js(
        "return [...document.querySelectorAll('#cuts li')].map(li => li.dataset.status).join();"),
        statuses -> "ready".equals(statuses));

    fixture.browser.open(fixture.url("/library"));
    List<?> titles = fixture.browser.await("two videos in the library", PATIENCE, () -> (List<?>) fixture.browser.js(
        "return [...document.querySelectorAll('.video-card[data-status=ready] .video-title')].map(t => t.textContent);"),
        list -> list.size() == 2);
    assertTrue(titles.stream().anyMatch(t -> t.toString().contains("(cut 1.0–3.0 s)")), titles.toString());
  }

  @Test
  void aFailedVideosCardSaysWhyInWordsForPeople() {
    var library = fixture.server().server.library().orElseThrow();
    String failed = library.create("Broken import", "url", null).await().id();
    library.failed(failed, "this is a web page, not a video: give the address of the video file itself").await();
    library.videos().changeVisibility(failed, "public").await();
    fixture.browser.open(fixture.url("/library"));
    Object reason = fixture.browser.await("the failed video's card with its reason", PATIENCE, () -> fixture.browser.js(
        "const r = document.querySelector(`.video-card[data-id=\"${arguments[0]}\"] .video-reason`);"
            + "return r && !r.hidden ? r.textContent : null;", failed), text -> text != null);
    assertEquals("this is a web page, not a video: give the address of the video file itself", reason);
    library.delete(failed).await();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> cardOf(String id) {
    return (Map<String, Object>) fixture.browser.js("""
        const li = document.querySelector(`.video-card[data-id="${arguments[0]}"]`);
        if (!li) return null;
        const img = li.querySelector('img.poster');
        return {title: li.querySelector('.video-title').textContent, status: li.dataset.status,
          posterWidth: img && img.complete ? img.naturalWidth : 0};
        """, id);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> player() {
    return (Map<String, Object>) fixture.browser.js(READ_PLAYER);
  }
}
