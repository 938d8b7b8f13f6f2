package dev.livelens.e2e;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The /account page as a person uses it: typing into its forms and reading what it says. */
final class AccountPage {

  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private final Browser browser;

  AccountPage(Browser browser) {
    this.browser = browser;
  }

  /** Opens the page with no session (the browser's cookies for the server are deleted first). */
  AccountPage openSignedOut(String url) {
    browser.open(url);
    browser.driver.manage().deleteAllCookies();
    browser.open(url);
    awaitState("signed-out");
    return this;
  }

  /** Types into a form's fields and submits it with Enter, as from the keyboard. */
  void submit(String formId, String... fieldsAndValues) {
    WebElement last = null;
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      last = browser.driver.findElement(By.cssSelector("#" + formId + " [name=" + fieldsAndValues[i] + "]"));
      last.clear();
      last.sendKeys(fieldsAndValues[i + 1]);
    }
    last.sendKeys(Keys.ENTER);
  }

  void signUp(String username, String password) {
    submit("signup-form", "username", username, "password", password);
  }

  void logIn(String username, String password) {
    submit("login-form", "username", username, "password", password);
  }

  void click(String id) {
    browser.driver.findElement(By.id(id)).click();
  }

  String awaitState(String state) {
    return browser.await("the page " + state, PATIENCE, this::state, state::equals);
  }

  /** Waits for the page's message to contain {@code text}; returns the whole message. */
  String awaitMessage(String text) {
    return browser.await("a message saying '" + text + "'", PATIENCE, this::message, m -> m.contains(text));
  }

  String state() {
    return (String) browser.js("return document.getElementById('account').dataset.state;");
  }

  String message() {
    return (String) browser.js("return document.getElementById('account-message').textContent;");
  }

  String messageKind() {
    return (String) browser.js("return document.getElementById('account-message').dataset.kind;");
  }

  String signedInName() {
    return (String) browser.js("return document.getElementById('whoami').textContent;");
  }

  boolean visible(String id) {
    return browser.driver.findElement(By.id(id)).isDisplayed();
  }
}
