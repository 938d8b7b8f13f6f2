package dev.livelens.e2e;

import static dev.livelens.e2e.Browser.number;
import static dev.livelens.e2e.LiveLensPage.PATIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A person who refuses the camera is told how to allow it, and nothing is left running. */
@BrowserTest
class CameraDeniedE2ETest {

  @RegisterExtension
  static final PageFixture fixture = PageFixture.denyingCamera();

  @Test
  void deniedCameraShowsHowToAllowItAndStopsCleanly() {
    LiveLensPage page = fixture.page().load();
    page.pressStartOrStop();

    String message = fixture.browser.await("the camera message", PATIENCE, page::message,
        text -> text.contains("Camera permission denied"));
    assertTrue(message.contains("press Start again"), message);
    assertEquals("error", page.status());
    assertEquals("camera", page.element("message").getAttribute("data-kind"));
    assertEquals("Start", page.element("start").getText());
    Map<String, Object> state = page.state();
    assertEquals(false, state.get("socketOpen"), "no socket without a camera: " + state);
    assertEquals(0.0, number(state, "tracksLive"), "no camera tracks: " + state);
  }
}
