package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.library.Library;
import dev.livelens.library.Video;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestAccounts;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Nothing a page shows outlives what it describes: a job's "Cutting…" line ends with the job, a deleted
 * video is linked from nowhere and its page offers nothing, the library's summary drops it at once, and
 * the camera page's and dashboard's numbers say "nothing now" once nothing is measured.
 */
@BrowserTest
class StaleStateE2ETest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /** A deleted video's own address answers 404 to the page that asks: expected, and said on the page. */
  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera()
      .expectingConsoleErrors(error -> error.contains("/api/videos/") && error.contains("status of 404"));
  private static Path files;
  private static Path clip;
  private static long owner;

  @BeforeAll
  static void signIn() throws Exception {
    files = TempDirs.create("livelens-e2e-stale-");
    clip = TestVideos.make(files, "clip.mp4", 6);
    AccountPage account = new AccountPage(fixture.browser).openSignedOut(fixture.url("/account"));
    account.signUp("Sam" + UUID.randomUUID().toString().substring(0, 6), TestAccounts.PASSWORD);
    account.awaitState("signed-in");
    owner = new JsonObject(fixture.browser.fetch("GET", "/api/me")).getLong("id");
  }

  @AfterAll
  static void removeFiles() {
    TempDirs.delete(files);
  }

  private static Video add(String title) {
    return TestVideos.add(fixture.server(), clip, title, owner);
  }

  private static Object js(String script, Object... args) {
    return fixture.browser.js(script, args);
  }

  @Test
  void aCutsLineOnTheWatchPageGivesWayToItsOutcomeWhenTheCutIsDone() {
    Video video = add("Cut me");
    fixture.browser.open(fixture.url("/watch/" + video.id()));
    fixture.browser.await("the cut form", PATIENCE, () -> js(
        "return !document.getElementById('cut-form').hidden && document.getElementById('cut-end').value;"),
        value -> value instanceof String s && !s.isEmpty());
    js("document.getElementById('cut-start').value = '1'; document.getElementById('cut-end').value = '3';");
    fixture.browser.driver.findElement(By.id("cut-submit")).click();
    fixture.browser.await("the line saying it cuts", PATIENCE, () -> message(), m -> m.startsWith("Cutting"));
    fixture.browser.await("the cut, ready", PATIENCE, () -> js(
        "return [...document.querySelectorAll('#cuts li')].map(li => li.dataset.status).join();"), "ready"::equals);
    String after = fixture.browser.await("the line to say the cut is ready", Duration.ofSeconds(10),
        StaleStateE2ETest::message, m -> !m.startsWith("Cutting"));
    assertTrue(after.startsWith("The cut is ready"), after);
  }

  private static String message() {
    return (String) js("return document.getElementById('watch-message').textContent;");
  }

  @Test
  void aCutWhoseOriginalIsDeletedLinksNowhere() throws Exception {
    Video parent = add("Parent");
    Library library = fixture.server().server.library().orElseThrow();
    Video cut = library.create("Parent (cut)", "cut", parent.id(), owner).await();
    Path original = library.store().original(cut.id(), "mp4");
    Files.copy(clip, original);
    library.finish(cut.id(), original, null, fraction -> { }).await();

    fixture.browser.open(fixture.url("/watch/" + cut.id()));
    fixture.browser.await("the link to the original", PATIENCE, () -> js(
        "return document.querySelectorAll('#details a').length;"), n -> ((Number) n).intValue() == 1);
    fixture.browser.fetch("DELETE", "/api/videos/" + parent.id());

    fixture.browser.open(fixture.url("/watch/" + cut.id()));
    fixture.browser.await("the cut's details", PATIENCE, () -> js(
        "return document.getElementById('details').textContent;"), text -> text.toString().contains("Duration"));
    assertEquals(0L, js("return document.querySelectorAll('#details a').length;"), "no link to a page that is gone");
  }

  @Test
  void aDeletedVideosPageOffersNothingToDo() {
    Video gone = add("Gone");
    fixture.browser.fetch("DELETE", "/api/videos/" + gone.id());
    fixture.browser.open(fixture.url("/watch/" + gone.id()));
    fixture.browser.await("the page to say it cannot be shown", PATIENCE, StaleStateE2ETest::message,
        m -> m.startsWith("This video cannot be shown"));
    for (String id : List.of("cut-form", "process-form", "delete-panel", "player", "transcript", "cuts")) {
      assertFalse(fixture.browser.driver.findElement(By.id(id)).isDisplayed(), id + " is not offered");
    }
  }

  @Test
  void theLibrarysSummaryDropsADeletedVideoWithoutAReload() {
    Video video = add("Watched once " + UUID.randomUUID().toString().substring(0, 4));
    TestVideos.publish(fixture.server(), video.id());
    fixture.browser.asVisitor(() -> { // the owner's own views are not its audience
      fixture.browser.open(fixture.url("/watch/" + video.id()));
      fixture.browser.await("the player", PATIENCE, () -> js(
          "return document.getElementById('player').readyState;"), state -> ((Number) state).intValue() >= 1);
      js("const v = document.getElementById('player'); v.muted = true; v.play();");
      fixture.browser.await("a view stored", PATIENCE, () -> js("""
          const t = window.livelensWatch.tracker();
          return t && t.view && t.seq > 2 && t.unacked === 0;"""), Boolean.TRUE::equals);
      js("document.getElementById('player').pause();");
    });

    fixture.browser.open(fixture.url("/library"));
    fixture.browser.await("the video among the most watched", PATIENCE, this::mostWatched,
        titles -> titles.contains(video.title()));
    fixture.browser.await("the video's card", PATIENCE, () -> fixture.browser.driver.findElements(By.cssSelector(
        ".video-card[data-id='" + video.id() + "'] button")).size(), n -> n >= 2);
    fixture.browser.driver.findElements(By.cssSelector(".video-card[data-id='" + video.id() + "'] button")).stream()
        .filter(b -> b.getText().equals("Delete")).findFirst().orElseThrow().click();
    fixture.browser.driver.findElement(By.id("delete-ok")).click();
    fixture.browser.await("the video gone from the summary", PATIENCE, this::mostWatched,
        titles -> !titles.contains(video.title()));
  }

  private List<String> mostWatched() {
    List<String> titles = new ArrayList<>();
    for (Object title : (List<?>) js("return document.getElementById('watch-summary').hidden ? []"
        + " : [...document.querySelectorAll('#most-watched a')].map(a => a.textContent);")) {
      titles.add(title.toString());
    }
    return titles;
  }

  @Test
  void afterStopTheReadoutsReset() {
    LiveLensPage page = fixture.page().load();
    page.startStreaming(5);
    fixture.browser.await("a round trip measured", PATIENCE, () -> js(
        "return document.getElementById('rtt').textContent;"), rtt -> !"0".equals(rtt));
    page.pressStartOrStop();
    fixture.browser.await("the page idle", PATIENCE, page::status, "idle"::equals);
    @SuppressWarnings("unchecked")
    Map<String, Object> shown = (Map<String, Object>) js("return Object.fromEntries("
        + "[...document.querySelectorAll('.readouts-panel output')].map(o => [o.id, o.textContent]));");
    for (String id : List.of("rtt", "server-ms", "server-p95", "drops", "skipped", "faces")) {
      assertEquals("0", shown.get(id), id + " after Stop: " + shown);
    }
    for (String id : List.of("total-ms", "capture-ms", "network-ms", "decode-ms", "settings", "adapt")) {
      assertEquals("–", shown.get(id), id + " after Stop: " + shown);
    }
  }

  @Test
  void theDashboardNeverShowsAnEmptyReportAsZero() {
    LiveLensPage page = fixture.page().load();
    page.startStreaming(5);
    fixture.browser.await("the page's report sent (every 2 s)", PATIENCE, () -> js(
        "return document.getElementById('total-ms').textContent;"), text -> !"–".equals(text));
    sleep(2500);
    page.pressStartOrStop();

    // The last report leaves the server's window 5 to 10 s after it came: never shown as 0 ms meanwhile.
    fixture.browser.open(fixture.url("/dashboard"));
    long until = System.nanoTime() + Duration.ofSeconds(12).toNanos();
    List<String> seen = new ArrayList<>();
    while (System.nanoTime() < until) {
      String table = (String) js("return [...document.querySelectorAll('#table-clients tbody td')]"
          + ".map(td => td.textContent).join('|');");
      seen.add(table);
      assertFalse(List.of(table.split("\\|")).contains("0.00"), "an empty report shown as 0: " + table);
      sleep(250);
    }
    assertTrue(seen.get(seen.size() - 1).contains("Nothing yet"), "no report now: " + seen.get(seen.size() - 1));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
