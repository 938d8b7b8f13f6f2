package dev.livelens.e2e;

import static dev.livelens.e2e.Browser.number;
import static dev.livelens.e2e.LiveLensPage.PATIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A chain built on the camera page: replace-background then pixelate-faces, added from the selector.
 * The processed video shows the colour behind the person and the face without its detail, while the
 * camera's own video keeps it.
 */
@BrowserTest
class ChainE2ETest {

  /** Mean difference between neighbouring pixels' luminance in a region of a video: its fine detail. */
  private static final String DETAIL = LiveLensPage.DRAW_VIDEO + """
      const [x, y, w, h] = arguments[1];
      const d = ctx.getImageData(x, y, w, h).data;
      const luma = (i) => 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
      let sum = 0, n = 0;
      for (let row = 0; row < h - 1; row++) {
        for (let col = 0; col < w - 1; col++) {
          const i = (row * w + col) * 4;
          sum += Math.abs(luma(i) - luma(i + 4)) + Math.abs(luma(i) - luma(i + w * 4));
          n++;
        }
      }
      const all = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let green = 0;
      for (let i = 0; i < all.length; i += 4) {
        if (all[i] < 40 && Math.abs(all[i + 1] - 160) < 30 && Math.abs(all[i + 2] - 80) < 30) green++;
      }
      return {detail: sum / n, green: green / (all.length / 4)};
      """;
  /** The face in the fake camera's clip: about x=221..341, y=82..202; its middle. */
  private static final List<Integer> FACE = List.of(245, 110, 70, 70);

  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCamera();

  @Test
  void aChainOfTwoBuiltOnThePageHidesTheFaceAndReplacesTheBackground() {
    Browser browser = fixture.browser;
    LiveLensPage page = fixture.page().load();
    page.selectFilter("replace-background");
    page.element("chain-add").click();
    page.selectFilter("pixelate-faces");
    page.element("chain-add").click();
    assertEquals(List.of("replace-background", "pixelate-faces"), browser.js(
        "return [...document.querySelectorAll('#chain .chain-name')].map(e => e.textContent)"));
    page.startStreaming(5);
    browser.await("faces reported by the chain's second filter", PATIENCE, page::state,
        s -> !((List<?>) s.get("faces")).isEmpty());
    @SuppressWarnings("unchecked")
    Map<String, Object> processed = browser.await("the background replaced and the face hidden", PATIENCE,
        () -> (Map<String, Object>) browser.js(DETAIL, "processed", FACE), m -> number(m, "green") > 0.3);
    @SuppressWarnings("unchecked")
    Map<String, Object> camera = (Map<String, Object>) browser.js(DETAIL, "local", FACE);
    assertTrue(number(processed, "detail") < 0.4 * number(camera, "detail"),
        "the face's detail: camera " + camera + ", processed " + processed);
    // What the chain costs, measured by the server on these frames, refreshed while it runs.
    String cost = browser.await("the chain's cost", PATIENCE,
        () -> page.element("chain-cost").getAttribute("data-ms"), ms -> ms != null && !ms.isEmpty());
    assertTrue(Double.parseDouble(cost) > 0, cost);
    assertTrue(page.element("chain-cost").getText().startsWith("Chain cost: about "), page.element("chain-cost").getText());
  }
}
