package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.TestMedia;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestAccounts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Two people, each in their own Chromium with the face clip as camera and a tone as microphone: they see
 * each other online, chat both ways (HTML shown as text), one calls, the other accepts, each sees the
 * other's processed video with face boxes drawn and hears audio frames, and leaving updates presence.
 */
@BrowserTest
class RoomsE2ETest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static TestServer server;
  private static Browser annBrowser;
  private static Browser bobBrowser;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    Path wav = TestMedia.wav(Path.of("target", "fake-camera", "tone-20s.wav"), 20);
    annBrowser = Browser.withCameraAndMicrophone(FakeCamera.y4m(), wav);
    bobBrowser = Browser.withCameraAndMicrophone(FakeCamera.y4m(), wav);
  }

  @AfterAll
  static void stop() {
    try {
      annBrowser.close();
      bobBrowser.close();
    } finally {
      server.close();
    }
  }

  @AfterEach
  void screenshots(TestInfo test) {
    annBrowser.screenshot(Browser.screenshotName(test) + "-ann");
    bobBrowser.screenshot(Browser.screenshotName(test) + "-bob");
    assertEquals(List.of(), unexpected(annBrowser.consoleErrors()), "console errors on ann's page");
    assertEquals(List.of(), unexpected(bobBrowser.consoleErrors()), "console errors on bob's page");
  }

  /**
   * Console errors but the expected ones: the account page asks /api/me before signing up (401), and
   * Chromium notes camera frames its track processor still held when the camera stopped at the call's end.
   */
  private static List<String> unexpected(List<String> errors) {
    return errors.stream().filter(e -> !(e.contains("/api/me") && e.contains("401"))
        && !e.contains("A VideoFrame was garbage collected")).toList();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  /** Signs up on the /account page as a person would, opens /rooms and gives the new user's id. */
  private long signUp(Browser browser, String username) {
    AccountPage account = new AccountPage(browser).openSignedOut(url("/account"));
    account.signUp(username, TestAccounts.PASSWORD);
    account.awaitState("signed-in");
    browser.open(url("/rooms"));
    Object id = browser.await("the rooms page knows who I am", PATIENCE, () -> browser.js(
        "const me = [...document.querySelectorAll('#people li')].find(li => li.textContent.includes('(you)'));"
        + "return me ? me.dataset.user : null;"), value -> value != null);
    return Long.parseLong(id.toString());
  }

  private static String text(Browser browser, String css) {
    return String.valueOf(browser.js("return Array.from(document.querySelectorAll(arguments[0]))"
        + ".map(e => e.textContent).join('|');", css));
  }

  private static void awaitText(Browser browser, String what, String css, String wanted) {
    browser.await(what, PATIENCE, () -> text(browser, css), seen -> seen.contains(wanted));
  }

  private static void click(Browser browser, String css) {
    browser.driver.findElement(By.cssSelector(css)).click();
  }

  private static void type(Browser browser, String css, String text) {
    WebElement input = browser.driver.findElement(By.cssSelector(css));
    input.sendKeys(text);
    input.submit();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> roomState(Browser browser) {
    return (Map<String, Object>) browser.js("return window.roomState ? window.roomState() : {};");
  }

  /** Pixels of the face filter's green box on the tile showing {@code member}. */
  private static long greenPixels(Browser browser, long member) {
    Object count = browser.js("const c = document.querySelector(`.tile[data-member='${arguments[0]}'] canvas`);"
        + "if (!c) return 0; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
        + "for (let i = 0; i < d.length; i += 4) if (d[i + 1] > 180 && d[i] < 90 && d[i + 2] < 90) n++; return n;",
        member);
    return ((Number) count).longValue();
  }

  @Test
  void twoPeopleChatCallSeeEachOthersProcessedVideoHearEachOtherAndLeave() {
    String annName = "ann-" + System.nanoTime() % 100_000;
    String bobName = "bob-" + System.nanoTime() % 100_000;
    long ann = signUp(annBrowser, annName);
    long bob = signUp(bobBrowser, bobName);
    awaitText(annBrowser, "bob online on ann's page", "#people .person-name", bobName);
    awaitText(bobBrowser, "ann online on bob's page", "#people .person-name", annName);

    String html = "<b>bold?</b> <img src=x onerror=alert(1)>";
    click(annBrowser, "#people li[data-user='" + bob + "'] button");
    type(annBrowser, "#dm-input", html);
    awaitText(annBrowser, "ann's own message", "#dm-messages .chat-text", html);
    click(bobBrowser, "#people li[data-user='" + ann + "'] button");
    awaitText(bobBrowser, "ann's message on bob's page, as text", "#dm-messages .chat-text", html);
    assertEquals(0L, bobBrowser.js("return document.querySelectorAll('#dm-messages b, #dm-messages img').length;"),
        "the HTML was shown as text, not made into elements");
    type(bobBrowser, "#dm-input", "hello ann");
    awaitText(annBrowser, "bob's answer", "#dm-messages .chat-text", "hello ann");

    click(annBrowser, "#call");
    annBrowser.await("ann in the call", PATIENCE, () -> annBrowser.driver.getCurrentUrl(), u -> u.contains("/rooms/"));
    bobBrowser.await("the incoming call", PATIENCE, () -> bobBrowser.js(
        "return !document.getElementById('call-prompt').hidden;"), Boolean.TRUE::equals);
    awaitText(bobBrowser, "the caller's name", "#call-prompt [data-caller]", annName);
    click(bobBrowser, "#call-prompt [data-accept]");
    bobBrowser.await("bob in the call", PATIENCE, () -> bobBrowser.driver.getCurrentUrl(), u -> u.contains("/rooms/"));

    for (Browser browser : List.of(annBrowser, bobBrowser)) {
      browser.await("both members on the page", PATIENCE, () -> roomState(browser).get("members"),
          members -> members instanceof List<?> list && list.size() == 2);
      new Select(browser.driver.findElement(By.id("filter"))).selectByValue("faces");
    }
    assertFaceBoxes(annBrowser, bob);
    assertFaceBoxes(bobBrowser, ann);
    for (Browser browser : List.of(annBrowser, bobBrowser)) {
      browser.await("audio frames decoded", PATIENCE, () -> roomState(browser).get("audio"),
          audio -> Browser.number(castMap(audio), "decoded") > 10);
    }

    click(bobBrowser, "#leave");
    awaitText(annBrowser, "the call ended on ann's page", "#room-message", "The call ended.");
    bobBrowser.await("bob back in the lobby", PATIENCE, () -> bobBrowser.driver.getCurrentUrl(),
        u -> u.endsWith("/rooms"));
    annBrowser.open(url("/rooms"));
    annBrowser.await("bob online and in no call", PATIENCE, () -> text(annBrowser, "#people li"),
        people -> people.contains(bobName) && !people.contains("in a call"));
    bobBrowser.open("about:blank");
    annBrowser.await("bob offline once his page is closed", Duration.ofSeconds(5),
        () -> text(annBrowser, "#people .person-name"), people -> !people.contains(bobName));
  }

  private static void assertFaceBoxes(Browser viewer, long member) {
    viewer.await("the other's processed video drawn", PATIENCE, () -> roomState(viewer).get("drawn"),
        drawn -> drawn instanceof Map<?, ?> map && map.get(String.valueOf(member)) instanceof Number n
            && n.longValue() > 10);
    long green = viewer.await("face boxes drawn on the other's video", PATIENCE, () -> greenPixels(viewer, member),
        pixels -> pixels > 200);
    assertTrue(green > 200);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }
}
