package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.CookieClient;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** The /account page in Chromium: sign up, see the name, log out, and every refusal said clearly. */
@BrowserTest
class AccountE2ETest {

  private static final String PASSWORD = "correct horse battery";
  /** Refusals the page provokes on purpose show in the console as failed loads; nothing else may. */
  private static final Pattern REFUSED_LOAD =
      Pattern.compile("Failed to load resource: the server responded with a status of (400|401|403|409|429)");

  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera()
      .withServerFlags("--login-failures-per-name", "2")
      .expectingConsoleErrors(error -> REFUSED_LOAD.matcher(error).find());
  private AccountPage page;

  @BeforeEach
  void openSignedOut() {
    page = new AccountPage(fixture.browser).openSignedOut(fixture.url("/account"));
  }

  private static String newName() {
    return "Pat" + UUID.randomUUID().toString().substring(0, 6);
  }

  @Test
  void signingOutElsewhereClosesTheRoomsPagesSocketAndThePageSaysSo() {
    page.signUp(newName(), PASSWORD);
    page.awaitState("signed-in");
    fixture.browser.open(fixture.url("/rooms"));
    fixture.browser.await("the rooms socket open", java.time.Duration.ofSeconds(20),
        () -> fixture.browser.js("return document.querySelector('main').dataset.state;"), "open"::equals);
    // Another tab of the same browser signs out: the server closes this page's socket (4401).
    fixture.browser.js("fetch('/api/auth/logout', {method: 'POST'}); return null;");
    fixture.browser.await("the page says I was signed out", java.time.Duration.ofSeconds(20),
        () -> fixture.browser.js("return document.getElementById('rooms-status').textContent;"),
        "You were signed out — sign in again"::equals);
    assertEquals(Boolean.FALSE, fixture.browser.js("return document.getElementById('signed-out').hidden;"),
        "the link to sign in again shows");
  }

  @Test
  void signingUpShowsTheNameAndLoggingOutSignsOut() {
    String name = newName();
    assertTrue(page.visible("signup-form") && page.visible("login-form"));
    assertFalse(page.visible("logout"));
    page.signUp(name, PASSWORD);
    page.awaitState("signed-in");
    assertEquals(name, page.signedInName());
    assertTrue(page.message().contains("Welcome, " + name));
    assertEquals("signed-in-heading", fixture.browser.js("return document.activeElement.id;"),
        "focus moves to what the page shows now");

    fixture.browser.open(fixture.url("/account"));
    page.awaitState("signed-in");
    assertEquals(name, page.signedInName(), "the cookie keeps the session across page loads");

    page.click("logout");
    page.awaitState("signed-out");
    assertEquals("Signed out.", page.message());
    fixture.browser.open(fixture.url("/account"));
    page.awaitState("signed-out");
  }

  @Test
  void aWrongPasswordSaysSoAndSignsNobodyIn() throws Exception {
    String name = newName();
    new CookieClient(fixture.server().port()).signUp(name, PASSWORD);
    page.logIn(name, "not the password");
    assertEquals("Wrong username or password.", page.awaitMessage("Wrong"));
    assertEquals("error", page.messageKind());
    assertEquals("signed-out", page.state());
    assertEquals("", fixture.browser.driver.findElement(By.id("login-password")).getAttribute("value"));

    page.logIn(name, PASSWORD);
    page.awaitState("signed-in");
    assertEquals(name, page.signedInName());
  }

  @Test
  void aWeakPasswordAndATakenNameAreExplained() throws Exception {
    String name = newName();
    new CookieClient(fixture.server().port()).signUp(name, PASSWORD);
    page.signUp(newName(), "short");
    assertTrue(page.awaitMessage("at least 10 characters").startsWith("A password has at least 10 characters"));
    page.signUp(name.toLowerCase(), PASSWORD);
    assertTrue(page.awaitMessage("is taken").contains("choose another"), page.message());
    assertEquals("signed-out", page.state());
  }

  @Test
  void tooManyFailuresSayWhenToTryAgain() throws Exception {
    String name = newName();
    new CookieClient(fixture.server().port()).signUp(name, PASSWORD);
    for (int i = 0; i < 2; i++) {
      page.logIn(name, "wrong guess " + i);
      page.awaitMessage("Wrong username or password");
      fixture.browser.js("document.getElementById('account-message').textContent = '';");
    }
    page.logIn(name, PASSWORD);
    String message = page.awaitMessage("Too many failed logins");
    assertTrue(Pattern.matches("Too many failed logins\\. Try again in 15 minutes \\(at \\d\\d:\\d\\d.*\\)\\.", message),
        message);
    assertEquals("signed-out", page.state());
  }

  @Test
  void thePasswordChangesFromThePage() throws Exception {
    String name = newName();
    page.signUp(name, PASSWORD);
    page.awaitState("signed-in");
    page.submit("password-form", "current", PASSWORD, "password", "another long password");
    page.awaitMessage("Password changed");
    assertEquals(200, new CookieClient(fixture.server().port()).logIn(name, "another long password").statusCode());
  }

  @Test
  void theCameraPageLinksToTheAccountPage() {
    fixture.browser.open(fixture.url("/"));
    fixture.browser.await("the header's account link", java.time.Duration.ofSeconds(20), () -> fixture.browser.js(
        "return document.querySelector('nav .account-link')?.textContent ?? null;"), "Sign in"::equals);
    fixture.browser.driver.findElement(By.linkText("Sign in")).click();
    page.awaitState("signed-out");
  }
}
