package dev.livelens.e2e;

import static dev.livelens.e2e.LiveLensPage.PATIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server goes away while the page streams, then comes back on the same port. */
@BrowserTest
class ConnectionLostE2ETest {

  /** Chromium logs each refused reconnect attempt; those are expected here and only here. */
  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera()
      .expectingConsoleErrors(error -> error.contains("WebSocket connection to") && error.contains("failed"));

  @Test
  void killedServerShowsConnectionLostAndARestartResumesTheStream(TestInfo test) {
    LiveLensPage page = fixture.page().load();
    page.startStreaming(10);

    fixture.killServer();
    String message = fixture.browser.await("the connection-lost message", PATIENCE, page::message,
        text -> text.contains("Connection lost"));
    assertEquals("lost", page.status(), message);
    assertEquals("grayscale(1) brightness(0.45)",
        fixture.browser.js("return getComputedStyle(document.getElementById('processed')).filter;"),
        "the frozen processed frame is greyed out");
    fixture.browser.screenshot(Browser.screenshotName(test) + "-lost");

    fixture.restartServer();
    Map<String, Object> resumed = page.awaitReceiving(10);
    assertEquals(true, resumed.get("socketOpen"));
    assertFalse(page.message().contains("Connection lost"), page.message());
    assertEquals("none", fixture.browser.js("return getComputedStyle(document.getElementById('processed')).filter;"));
  }
}
