package dev.livelens.e2e;

import static dev.livelens.e2e.LiveLensPage.PATIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestAccounts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server stops as SIGTERM stops it (1001, going away) while a page is connected, then starts again. */
@BrowserTest
class ServerRestartE2ETest {

  /** Each start of the server finds the accounts (and the session key) the last one left. */
  private static final Path DATA = TempDirs.create("livelens-restart-e2e-");

  /**
   * Chromium logs each refused reconnect attempt while no server listens, and the rooms page's look at
   * /api/session meanwhile; expected here.
   */
  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera().withServerFlags("--data-dir", DATA.toString())
      .expectingConsoleErrors(error -> error.contains("WebSocket connection to") && error.contains("failed")
          || error.contains("/api/session") && error.contains("Failed to load resource"));

  @AfterAll
  static void deleteData() {
    if (fixture.server() != null) {
      fixture.killServer(); // before its data goes (the fixture then closes only the browser)
    }
    TempDirs.delete(DATA);
  }

  @Test
  void aStoppingServerIsShownAsRestartingAndThePageReconnectsWhenItIsBack(TestInfo test) {
    LiveLensPage page = fixture.page().load();
    page.startStreaming(10);
    fixture.browser.js("""
        const status = document.getElementById('status');
        window.statusHistory = [status.dataset.state];
        new MutationObserver(() => {
          if (window.statusHistory.at(-1) !== status.dataset.state) window.statusHistory.push(status.dataset.state);
        }).observe(status, {attributes: true, attributeFilter: ['data-state']});
        """);

    fixture.stopServer();
    String message = fixture.browser.await("the restarting message", PATIENCE, page::message,
        text -> text.contains("The server is restarting, reconnecting…"));
    assertEquals("restarting", page.status(), message);
    assertEquals("grayscale(1) brightness(0.45)",
        fixture.browser.js("return getComputedStyle(document.getElementById('processed')).filter;"),
        "the frozen processed frame is greyed out");
    fixture.browser.screenshot(Browser.screenshotName(test) + "-restarting");

    fixture.restartServer();
    Map<String, Object> resumed = page.awaitReceiving(10);
    assertEquals(true, resumed.get("socketOpen"));
    assertFalse(page.message().contains("restarting"), page.message());
    // The retries refused while no server listened went on saying it restarts, not that the connection was lost.
    assertEquals(List.of("streaming", "restarting", "streaming"), fixture.browser.js("return window.statusHistory;"));
  }

  @Test
  void theRoomsPageSaysTheServerIsRestartingAndIsOnlineAgainWhenItIsBack() {
    AccountPage account = new AccountPage(fixture.browser).openSignedOut(fixture.url("/account"));
    account.signUp("restarter", TestAccounts.PASSWORD);
    account.awaitState("signed-in");
    fixture.browser.open(fixture.url("/rooms"));
    fixture.browser.await("the rooms page online", PATIENCE, this::roomsState, "open"::equals);

    fixture.stopServer();
    fixture.browser.await("the rooms page told of the restart", PATIENCE, this::roomsState, "restarting"::equals);
    String line = String.valueOf(fixture.browser.js("return document.getElementById('rooms-status').textContent;"));
    assertTrue(line.startsWith("The server is restarting, reconnecting in"), line);

    fixture.restartServer();
    fixture.browser.await("the rooms page online again", PATIENCE, this::roomsState, "open"::equals);
  }

  private String roomsState() {
    return String.valueOf(fixture.browser.js("return document.querySelector('main').dataset.state;"));
  }
}
