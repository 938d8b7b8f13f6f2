package dev.livelens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.TestServer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard page as a browser fetches it: the page, every module it imports and the chart library. */
class DashboardPageTest {

  /** The ids the end-to-end suite looks for. */
  static final List<String> CHART_IDS = List.of("chart-frames", "chart-drops", "chart-latency", "chart-eventbus",
      "chart-sessions", "chart-cpu", "chart-memory");

  private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"");
  private static final Pattern IMPORT = Pattern.compile("from '([^']+)'");

  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void dashboardPathServesThePageWithEveryChartContainer() throws Exception {
    TestServer.Response page = server.get("/dashboard");

    assertEquals(200, page.status());
    assertTrue(page.contentType().startsWith("text/html"), page.contentType());
    for (String id : CHART_IDS) {
      assertTrue(page.body().contains("id=\"" + id + "\""), id);
    }
  }

  /** The server's Content-Security-Policy allows no inline script, style or event handler. */
  @Test
  void pageHasNothingInlineThatThePolicyWouldBlock() throws Exception {
    String html = server.get("/dashboard").body();

    assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(html).find(), "inline script");
    assertFalse(html.contains("<style"), "style element");
    assertFalse(Pattern.compile("\\sstyle=").matcher(html).find(), "style attribute");
    assertFalse(Pattern.compile("\\son[a-z]+=").matcher(html).find(), "event handler attribute");
  }

  @Test
  void everyStylesheetScriptAndImportedModuleIsServed() throws Exception {
    String html = server.get("/dashboard").body();
    Deque<String> toFetch = new ArrayDeque<>();
    Matcher assets = ASSET.matcher(html);
    while (assets.find()) {
      if (assets.group(1).endsWith(".js") || assets.group(1).endsWith(".css")) {
        toFetch.add(assets.group(1));
      }
    }
    assertTrue(toFetch.contains("/webjars/uplot/1.6.30/dist/uPlot.min.css"));
    Set<String> fetched = new HashSet<>();
    while (!toFetch.isEmpty()) {
      String path = toFetch.pop();
      if (!fetched.add(path)) {
        continue;
      }
      TestServer.Response response = server.get(path);
      assertEquals(200, response.status(), path);
      if (path.endsWith(".js")) {
        assertTrue(response.contentType().startsWith("text/javascript"), path + ": " + response.contentType());
        Matcher imports = IMPORT.matcher(response.body());
        while (imports.find()) {
          toFetch.add(resolve(path, imports.group(1)));
        }
      } else {
        assertTrue(response.contentType().startsWith("text/css"), path + ": " + response.contentType());
      }
    }
    assertTrue(fetched.contains("/webjars/uplot/1.6.30/dist/uPlot.esm.js"), "uPlot comes from its WebJar");
  }

  private static String resolve(String from, String target) {
    if (target.startsWith("/")) {
      return target;
    }
    String base = from.substring(0, from.lastIndexOf('/') + 1);
    return base + (target.startsWith("./") ? target.substring(2) : target);
  }
}
