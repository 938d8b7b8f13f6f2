package dev.livelens.e2e;

import static dev.livelens.e2e.LiveLensPage.PATIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.StreamClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server is full: the page says so, waits before asking again, and streams once a place frees. */
@BrowserTest
class ServerBusyE2ETest {

  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera().withServerFlags("--max-connections-per-address", "1");

  @Test
  void fullServerShowsBusyBacksOffAndStreamsWhenAPlaceFrees() throws Exception {
    StreamClient holder = fixture.connectStream(); // takes the one place this address has
    LiveLensPage page = fixture.page().load();
    fixture.browser.js("""
        const status = document.getElementById('status');
        window.statusHistory = [status.dataset.state];
        new MutationObserver(() => {
          if (window.statusHistory.at(-1) !== status.dataset.state) window.statusHistory.push(status.dataset.state);
        }).observe(status, {attributes: true, attributeFilter: ['data-state']});
        """);
    page.pressStartOrStop();

    String message = fixture.browser.await("the busy message", PATIENCE, page::message,
        text -> text.contains("too many connections"));
    assertEquals("busy", page.status(), message);
    // A refused connection is not a good one: the page waits the longest delay before asking again,
    // instead of retrying every half second and flashing "Streaming" each time.
    Thread.sleep(3000);
    @SuppressWarnings("unchecked")
    List<String> states = (List<String>) fixture.browser.js("return window.statusHistory;");
    assertEquals(List.of("idle", "connecting", "busy"), states);
    assertTrue(page.message().contains("too many connections"), page.message());

    holder.close();
    page.awaitReceiving(10);
    assertEquals("", page.message());
  }
}
