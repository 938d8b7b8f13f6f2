package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestAccounts;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
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
 * Comments, sharing and moderation in Chromium: a comment full of markup posted by someone else appears on an
 * open watch page without a reload, as text, its link safe and its time a seek link; the page's own comment
 * reaches the others; the share panel gives the link (at a time) and the embed code, or says a private video
 * must change first; a visitor reports a comment and an admin hides it from the moderation page.
 */
@BrowserTest
class CommentsE2ETest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String ADMIN = "Boss-e2e";
  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera().withServerFlags("--admins", ADMIN);
  private static Path files;
  private static Path clip;

  @BeforeAll
  static void makeClip() {
    files = TempDirs.create("livelens-e2e-comments-");
    clip = TestVideos.make(files, "clip.mp4", 4);
  }

  @AfterAll
  static void removeFiles() {
    TempDirs.delete(files);
  }

  private static Browser browser() {
    return fixture.browser;
  }

  private static void openLive(String video) {
    browser().driver.manage().deleteAllCookies();
    browser().open(fixture.url("/watch/" + video));
    browser().await("the comments' live socket", PATIENCE, () -> browser().js(
        "return document.getElementById('comments').dataset.live;"), "true"::equals);
  }

  private static String commentText(String id) {
    return String.valueOf(browser().await("comment " + id + " on the page", PATIENCE, () -> browser().js(
        "const li = document.querySelector(`li[data-id='${arguments[0]}'] > .comment-text`);"
        + "return li ? li.textContent : null;", id), text -> text != null));
  }

  @Test
  void aCommentOfMarkupArrivesLiveAndShowsAsTextWithASafeLink() throws Exception {
    String video = TestVideos.add(fixture.server(), clip, "Live comments").id(); // unlisted, nobody's
    openLive(video);
    String text = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\"> "
        + "see https://example.com/page. or javascript:alert(1)";
    ApiClient someoneElse = new ApiClient(fixture.server().port());
    JsonObject posted = new JsonObject(someoneElse.send("POST", "/api/videos/" + video + "/comments",
        new JsonObject().put("text", text).put("at", 2.5).encode()).body());
    assertEquals(text, commentText(posted.getString("id")), "shown exactly as typed, without a reload");
    @SuppressWarnings("unchecked")
    Map<String, Object> seen = (Map<String, Object>) browser().js("""
        const li = document.querySelector(`li[data-id='${arguments[0]}']`);
        const links = [...li.querySelectorAll('.comment-text a')];
        return {pwned: window.pwned === undefined ? 'no' : 'yes', markup: li.querySelectorAll('script, img').length,
          links: links.map(a => a.href + ' ' + a.rel), at: li.querySelector('a.comment-at').textContent};""",
        posted.getString("id"));
    assertEquals(Map.of("pwned", "no", "markup", 0L, "links", List.of("https://example.com/page noopener nofollow ugc"),
        "at", "at 0:02"), seen);

    browser().driver.findElement(By.id("comment-text")).sendKeys("Hello from the page");
    browser().driver.findElement(By.id("comment-post")).click();
    browser().await("the page's own comment reaching the server", PATIENCE, () -> {
      try {
        return someoneElse.json("/api/videos/" + video + "/comments").encode();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, json -> json.contains("Hello from the page"));

    saveSection("comments");
    someoneElse.send("DELETE", "/api/videos/" + video + "/comments/" + posted.getString("id"), null);
    browser().await("the deleted comment gone from the page", PATIENCE, () -> browser().js(
        "return document.querySelectorAll(`li[data-id='${arguments[0]}']`).length;", posted.getString("id")),
        count -> ((Number) count).intValue() == 0);
  }

  /** The section as it looks (target/screenshots), beside the fixture's screenshot of the page's top. */
  private static void saveSection(String id) throws Exception {
    java.nio.file.Path shot = browser().driver.findElement(By.id(id)).getScreenshotAs(org.openqa.selenium.OutputType.FILE)
        .toPath();
    java.nio.file.Files.createDirectories(Path.of("target", "screenshots"));
    java.nio.file.Files.move(shot, Path.of("target", "screenshots", "CommentsE2ETest-section-" + id + ".png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void theSharePanelGivesTheLinkAndTheEmbedCodeOrSaysAPrivateVideoMustChangeFirst() throws Exception {
    String video = TestVideos.add(fixture.server(), clip, "Shared").id();
    openLive(video);
    browser().await("the share panel", PATIENCE, () -> browser().js(
        "return document.getElementById('share-link').value;"), link -> !String.valueOf(link).isEmpty());
    String origin = fixture.url("");
    assertEquals(origin + "/watch/" + video, browser().js("return document.getElementById('share-link').value;"));
    assertTrue(String.valueOf(browser().js("return document.getElementById('embed-code').value;"))
        .contains("src=\"" + origin + "/embed/" + video + "\""));
    browser().js("const v = document.getElementById('player'); v.currentTime = 3;");
    browser().await("the player at 3 s", PATIENCE, () -> browser().js(
        "return document.getElementById('player').currentTime;"), t -> ((Number) t).doubleValue() >= 3);
    browser().driver.findElement(By.id("share-at-time")).click();
    browser().driver.findElement(By.id("share-button")).click();
    assertEquals(origin + "/watch/" + video + "?t=3", browser().js("return document.getElementById('share-link').value;"));
    saveSection("share");
    browser().await("the link copied or selected", PATIENCE, () -> browser().js(
        "return document.getElementById('share-status').textContent;"), s -> String.valueOf(s).startsWith("Link "));

    browser().driver.manage().deleteAllCookies(); // now another visitor, who becomes a guest
    Object guest = browser().driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch('/api/auth/guest', {method: 'POST'}).then(r => r.json()).then(me => done(me.id));""");
    String own = TestVideos.add(fixture.server(), clip, "Mine", ((Number) guest).longValue()).id();
    browser().open(fixture.url("/watch/" + own));
    browser().await("a private video's share panel", PATIENCE, () -> browser().js(
        "return !document.getElementById('share').hidden && !document.getElementById('share-private').hidden"
        + " && document.getElementById('share-controls').hidden;"), Boolean.TRUE::equals);
  }

  @Test
  void aVisitorReportsACommentAndAnAdminHidesItFromTheQueue() throws Exception {
    String video = TestVideos.publish(fixture.server(), TestVideos.add(fixture.server(), clip, "Moderated").id());
    ApiClient spammer = new ApiClient(fixture.server().port());
    String spam = new JsonObject(spammer.send("POST", "/api/videos/" + video + "/comments",
        new JsonObject().put("text", "buy cheap things").encode()).body()).getString("id");
    openLive(video);
    commentText(spam);
    browser().driver.findElement(By.cssSelector("li[data-id='" + spam + "'] button[data-action='report']")).click();
    browser().driver.findElement(By.id("report-reason")).sendKeys("spam");
    browser().driver.findElement(By.id("report-send")).click();
    browser().await("the report's answer", PATIENCE, () -> browser().js(
        "return document.getElementById('comments-status').textContent;"), s -> String.valueOf(s).startsWith("Reported"));

    Object signedUp = browser().driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch('/api/auth/signup', {method: 'POST', headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({username: arguments[0], password: arguments[1]})}).then(r => done(r.status));""",
        ADMIN, TestAccounts.PASSWORD);
    assertEquals(201L, signedUp);
    browser().open(fixture.url("/moderation"));
    browser().await("the reported comment in the queue", PATIENCE, () -> browser().js(
        "return [...document.querySelectorAll('#reports li.report')].map(li => li.dataset.target).join();"),
        spam::equals);
    browser().driver.findElement(By.cssSelector("li.report button[data-action='hide']")).click();
    browser().await("the queue emptied", PATIENCE, () -> browser().js(
        "return document.querySelectorAll('#reports li.report').length;"), n -> ((Number) n).intValue() == 0);
    assertTrue(!spammer.json("/api/videos/" + video + "/comments").encode().contains(spam), "hidden for everyone");
  }
}
