package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.TestAccounts;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * What a first visitor finds: one header on every page (Camera, Library, Rooms, Dashboard, the account)
 * with the page they are on marked, every page reached through it, a page of its own for an address that
 * is no page, and signed out, no page that shows an error in the console or controls that cannot work.
 */
@BrowserTest
class SiteHeaderE2ETest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);
  /**
   * The 404 page's own document, the video that does not exist and the sign-up refused on purpose: nothing
   * else may show in the console.
   */
  private static final Pattern EXPECTED = Pattern.compile(
      "/nope.*status of 404|/api/videos/Abcdefghijklmnop.*status of 404|status of 409");

  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera()
      .expectingConsoleErrors(error -> EXPECTED.matcher(error).find());

  @BeforeEach
  void signedOut() {
    fixture.browser.open(fixture.url("/account"));
    fixture.browser.driver.manage().deleteAllCookies();
  }

  /** The header's links as "text→href", the current one starred, once the account part is known. */
  private List<?> header(String path) {
    fixture.browser.open(fixture.url(path));
    return fixture.browser.await("the header on " + path, PATIENCE, () -> (List<?>) fixture.browser.js("""
        return [...document.querySelectorAll('header.site-header nav a:not([hidden])')].map(a =>
          a.textContent + '→' + new URL(a.href).pathname + (a.getAttribute('aria-current') === 'page' ? '*' : ''));
        """), links -> links.size() == 6 && !links.get(5).toString().startsWith("Account"));
  }

  @Test
  void everyPageHasTheSameHeaderWithItsOwnPageMarked() {
    String video = "Abcdefghijklmnop"; // no such video: the watch page still has its header
    List<String> all = List.of("Camera→/", "Feed→/feed", "Library→/library", "Rooms→/rooms", "Dashboard→/dashboard",
        "Sign in→/account");
    for (var page : List.of(List.of("/", "Camera"), List.of("/feed", "Feed"), List.of("/library", "Library"), List.of("/rooms", "Rooms"),
        List.of("/rooms/12345", "Rooms"), List.of("/dashboard", "Dashboard"), List.of("/account", "Sign in"),
        List.of("/watch/" + video, "Library"), List.of("/watch/" + video + "/analytics", "Library"),
        List.of("/nope", ""))) {
      List<String> expected = all.stream().map(link -> link.startsWith(page.get(1) + "→") ? link + "*" : link)
          .toList();
      assertEquals(expected, header(page.get(0)), "the header of " + page.get(0));
    }
  }

  @Test
  void everyPageIsReachedThroughTheHeaderAndItNamesWhoIsSignedIn() {
    header("/library");
    for (String link : List.of("Rooms", "Dashboard", "Feed", "Camera", "Library", "Sign in")) {
      fixture.browser.driver.findElement(By.linkText(link)).click();
      fixture.browser.await(link + " marked as the page I am on", PATIENCE, () -> fixture.browser.js(
          "return document.querySelector('nav a[aria-current=page]')?.textContent ?? null;"), link::equals);
    }
    String name = "Ann" + UUID.randomUUID().toString().substring(0, 6);
    AccountPage account = new AccountPage(fixture.browser);
    account.signUp(name, TestAccounts.PASSWORD);
    account.awaitState("signed-in");
    fixture.browser.await("the header names me", PATIENCE, () -> fixture.browser.js(
        "return document.querySelector('nav .account-link').textContent;"), name::equals);
    assertEquals(name + "→/account", header("/rooms").get(5), "and so does every other page's");
  }

  @Test
  void anAddressThatIsNoPageShowsAPageWithTheHeaderButTheApiKeepsItsJsonErrors() {
    header("/nope");
    assertTrue(fixture.browser.js("return document.getElementById('not-found').textContent;").toString()
        .contains("There is no page at this address"));
    JsonObject api = new JsonObject(fixture.browser.fetch("GET", "/api/nope"));
    assertEquals("not_found", api.getString("error"));
  }

  @Test
  void aRoomPageOpenedSignedOutSaysRoomsNeedAnAccountAndShowsNoControls() {
    fixture.browser.open(fixture.url("/rooms/12345"));
    fixture.browser.await("the way to sign in", PATIENCE, () -> fixture.browser.driver.findElement(By.id("signed-out"))
        .isDisplayed(), shown -> shown);
    for (String hidden : List.of("mute", "leave", "chat-input", "self-tile")) {
      assertFalse(fixture.browser.driver.findElement(By.id(hidden)).isDisplayed(), hidden + " is not shown");
    }
    assertEquals("/account", fixture.browser.js(
        "return new URL(document.querySelector('#signed-out a').href).pathname;"));
    fixture.browser.open(fixture.url("/rooms"));
    fixture.browser.await("the lobby's way to sign in", PATIENCE, () -> fixture.browser.driver.findElement(
        By.id("signed-out")).isDisplayed(), shown -> shown);
    assertFalse(fixture.browser.driver.findElement(By.id("create-room")).isDisplayed());
    // The console is checked after each test: no page asked who is signed in with an error answer.
  }

  @Test
  void aSignUpRefusedForItsNameKeepsThePasswordSoTheNextTryJustWorks() {
    String taken = TestAccounts.signUp(fixture.server(), "Bo" + UUID.randomUUID().toString().substring(0, 6)).name();
    AccountPage account = new AccountPage(fixture.browser).openSignedOut(fixture.url("/account"));
    account.signUp(taken, TestAccounts.PASSWORD);
    account.awaitMessage("taken");
    assertEquals(TestAccounts.PASSWORD, fixture.browser.js("return document.getElementById('signup-password').value;"),
        "the password is kept");
    var username = fixture.browser.driver.findElement(By.id("signup-username"));
    username.sendKeys("2");
    assertEquals("", account.message(), "typing again clears the refusal");
    username.submit();
    account.awaitState("signed-in");
    assertEquals(taken + "2", account.signedInName());
  }
}
