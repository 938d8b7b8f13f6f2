package dev.livelens.e2e;

import static dev.livelens.e2e.LiveLensPage.PATIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server stops as SIGTERM stops it (1001, going away) while the page streams, then starts again. */
@BrowserTest
class ServerRestartE2ETest {

  /** Chromium logs each refused reconnect attempt while no server listens; expected here. */
  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera()
      .expectingConsoleErrors(error -> error.contains("WebSocket connection to") && error.contains("failed"));

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
}
