package dev.livelens.e2e;

import static dev.livelens.e2e.Browser.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Subtitles in Chromium, from real recorded speech (src/test/resources/speech): the watch page's player
 * shows the captions track that hls.js took from the HLS master playlist's subtitles rendition, and the
 * transcript's lines; the library's search finds the video by a spoken word and plays it from there; picked
 * lines make a cut whose transcript is those words, which its owner corrects on its page.
 */
@BrowserTest
class SubtitlesE2ETest {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera().withServerFlags("--transcribe-threads", "1");
  private static Path files;
  private static String video;
  private static ApiClient api;

  @BeforeAll
  static void addVideo() throws Exception {
    files = TempDirs.create("livelens-e2e-subtitles-");
    Path speech = files.resolve("austen.mp4");
    try (InputStream in = SubtitlesE2ETest.class.getResourceAsStream("/speech/austen.mp4")) {
      Files.copy(in, speech);
    }
    video = TestVideos.publish(fixture.server(), TestVideos.add(fixture.server(), speech, "Sense and Sensibility").id());
    api = new ApiClient(fixture.server().port());
    assertEquals("ready", api.awaitTranscript(video, PATIENCE).getString("status"));
  }

  @AfterAll
  static void removeFiles() {
    TempDirs.delete(files);
  }

  @Test
  void theWatchPageShowsTheCaptionsTrackOfThePlaylistAndTheLinesSaid() {
    fixture.browser.open(fixture.url("/watch/" + video));
    Map<String, Object> track = fixture.browser.await("the captions track with its cues", PATIENCE, this::track,
        t -> t != null && number(t, "cues") >= 2 && number(t, "lines") >= 2);
    assertEquals("showing", track.get("mode"));
    assertEquals("subtitles", track.get("kind"));
    assertEquals("English", track.get("label"), "the rendition's NAME in the master playlist");
    assertEquals("en", track.get("language"));
    assertEquals(false, track.get("pagesOwn"), "hls.js made the track from the playlist: the page added none");
    assertEquals(1L, ((Number) track.get("tracks")).longValue(), track.toString());
    // A line clicked plays from its time, and the cue shown there is the line's own words.
    fixture.browser.js("document.getElementById('player').muted = true;"
        + "document.querySelectorAll('#transcript-lines button.line')[1].click();");
    Map<String, Object> playing = fixture.browser.await("the second line's cue showing", PATIENCE, this::track,
        t -> t.get("active").toString().contains("selfish"));
    assertTrue(number(playing, "time") >= 3.4, playing.toString());
    fixture.browser.await("the second line highlighted", PATIENCE, () -> fixture.browser.js(
        "return document.querySelector('#transcript-lines li.current')?.dataset.index;"), "1"::equals);
    fixture.browser.js("document.getElementById('player').pause();");
  }

  @Test
  void theLibrarySearchFindsTheVideoByASpokenWordAndPlaysItFromThere() {
    fixture.browser.open(fixture.url("/library"));
    fixture.browser.driver.findElement(By.id("q")).sendKeys("cold hearted");
    fixture.browser.driver.findElement(By.cssSelector("#search button[type=submit]")).click();
    String href = (String) fixture.browser.await("a speech hit", PATIENCE, () -> fixture.browser.js(
        "return document.querySelector(`#speech-list li[data-id='" + video + "'] a`)?.href;"),
        h -> h instanceof String);
    assertTrue(href.contains("/watch/" + video + "?t="), href);
    double at = Double.parseDouble(href.substring(href.indexOf("?t=") + 3));
    assertTrue(at > 4 && at < 9, href);
    fixture.browser.driver.findElement(By.cssSelector("#speech-list li a")).click();
    fixture.browser.await("the player at the hit", PATIENCE, () -> fixture.browser.js(
        "return document.getElementById('player')?.currentTime ?? 0;"), t -> Math.abs(((Number) t).doubleValue()
            - at) < 0.5);
  }

  @Test
  void pickedLinesMakeACutOfWhatWasSaidInThemWhoseOwnerCorrectsItsLine() throws Exception {
    fixture.browser.open(fixture.url("/watch/" + video));
    fixture.browser.await("the transcript's lines", PATIENCE, () -> fixture.browser.js(
        "return document.querySelectorAll('#transcript-lines li').length;"), n -> ((Number) n).intValue() >= 2);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> lines = (List<Map<String, Object>>) fixture.browser.js(
        "return window.livelensWatch.transcript();");
    Map<String, Object> first = lines.get(0);
    fixture.browser.driver.findElement(By.cssSelector("input[name=mode][value=exact]")).click();
    fixture.browser.driver.findElement(By.cssSelector("#transcript-lines li[data-index='0'] input")).click();
    fixture.browser.driver.findElement(By.id("cut-lines")).click();
    String cut = (String) fixture.browser.await("the cut, ready, among this video's cuts", PATIENCE, () -> fixture.browser.js(
        "const li = document.querySelector('#cuts li[data-status=ready]'); return li ? li.dataset.id : null;"),
        id -> id instanceof String);
    // The cut is the browser's own, private: published here so this client may read it too.
    TestVideos.publish(fixture.server(), cut);
    JsonObject made = api.json("/api/videos/" + cut);
    double asked = number(first, "end") - number(first, "start");
    assertEquals(asked, made.getLong("durationMs") / 1000.0, 0.3, made.encode());
    // The cut is transcribed in its turn: its subtitles are the picked line's words.
    JsonObject transcript = api.awaitTranscript(cut, PATIENCE);
    assertEquals("ready", transcript.getString("status"), transcript.encode());
    String said = transcript.getJsonArray("lines").stream().map(l -> ((JsonObject) l).getString("text"))
        .reduce("", (a, b) -> a + " " + b);
    assertEquals(" " + first.get("text"), said, "the picked line's words, re-timed, not heard again");

    // The cut is the browser's: its page offers Edit on its line, and the correction is kept.
    fixture.browser.open(fixture.url("/watch/" + cut));
    fixture.browser.await("the cut's line with its Edit", PATIENCE, () -> fixture.browser.js(
        "return document.querySelectorAll('#transcript-lines button.edit-line').length;"), n -> ((Number) n).intValue() == 1);
    fixture.browser.driver.findElement(By.cssSelector("#transcript-lines button.edit-line")).click();
    var field = fixture.browser.driver.findElement(By.cssSelector("#transcript-lines form.line-editor input"));
    field.clear();
    field.sendKeys("He was not an ill-disposed young man\n");
    fixture.browser.await("the corrected line shown", PATIENCE, () -> fixture.browser.js(
        "return document.querySelector('#transcript-lines li.corrected button.line')?.textContent ?? '';"),
        text -> text.toString().contains("He was not an ill-disposed young man"));
    assertEquals("He was not an ill-disposed young man", api.json("/api/videos/" + cut + "/transcript")
        .getJsonArray("lines").getJsonObject(0).getString("text"));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> track() {
    return (Map<String, Object>) fixture.browser.js("""
        const v = document.getElementById('player');
        if (v.textTracks.length === 0) return null;
        const t = v.textTracks[0];
        return {mode: t.mode, kind: t.kind, label: t.label, language: t.language, tracks: v.textTracks.length,
          pagesOwn: !!v.querySelector('track[src*="subtitles.vtt"]'), cues: t.cues ? t.cues.length : 0,
          active: t.activeCues && t.activeCues.length ? t.activeCues[0].text : '', time: v.currentTime,
          lines: document.querySelectorAll('#transcript-lines li').length};
        """);
  }
}
