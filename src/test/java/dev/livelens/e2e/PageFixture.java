package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TestMedia;
import dev.livelens.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real server and one browser for a test class (registered with {@code @RegisterExtension} on
 * a static field): started before the first test, closed after the last, and every test ends the
 * same way: a screenshot named after it, no console errors but the expected ones, and no exception
 * left unhandled in the server.
 */
final class PageFixture implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

  private final Supplier<Browser> browserFactory;
  private final Predicate<String> expectedConsoleError;
  private final List<String> serverFlags;
  private final List<Throwable> serverErrors = new CopyOnWriteArrayList<>();
  private TestServer server;
  private int port;
  Browser browser;

  private PageFixture(Supplier<Browser> browserFactory, Predicate<String> expectedConsoleError,
      List<String> serverFlags) {
    this.browserFactory = browserFactory;
    this.expectedConsoleError = expectedConsoleError;
    this.serverFlags = serverFlags;
  }

  /** A browser whose camera plays the face clip. */
  static PageFixture withCamera() {
    return new PageFixture(() -> Browser.withCamera(FakeCamera.y4m()), error -> false, List.of());
  }

  /** A browser whose camera plays the face clip and whose microphone plays a tone. */
  static PageFixture withCameraAndMicrophone() {
    return new PageFixture(() -> Browser.withCameraAndMicrophone(FakeCamera.y4m(),
        TestMedia.wav(Path.of("target", "fake-camera", "tone-20s.wav"), 20)), error -> false, List.of());
  }

  /** A browser whose camera plays the face clip and whose microphone plays recorded English speech. */
  static PageFixture withCameraAndSpeech() {
    return new PageFixture(() -> Browser.withCameraAndMicrophone(FakeCamera.y4m(),
        TestMedia.speechWav(Path.of("target", "fake-camera", "speech.wav"))), error -> false, List.of());
  }

  /** A browser that refuses every permission prompt. */
  static PageFixture denyingCamera() {
    return new PageFixture(Browser::denyingCamera, error -> false, List.of());
  }

  /** The same fixture, tolerating console errors that the test provokes on purpose. */
  PageFixture expectingConsoleErrors(Predicate<String> expected) {
    return new PageFixture(browserFactory, expected, serverFlags);
  }

  /** The same fixture, its server started with these flags too (limits, say). */
  PageFixture withServerFlags(String... flags) {
    return new PageFixture(browserFactory, expectedConsoleError, List.of(flags));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    startServer("0");
    browser = browserFactory.get();
  }

  /** A page object for this server's page (not loaded yet). */
  LiveLensPage page() {
    return new LiveLensPage(browser, port);
  }

  /** An address on this server, for pages other than the camera page. */
  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** A protocol client on this server's stream endpoint, for traffic the page does not make. */
  StreamClient connectStream() {
    return server.connect().skipGreeting();
  }

  /** The server itself, for its API and for tests that put things in its library. */
  TestServer server() {
    return server;
  }

  /** Takes the whole server away, as a crash or a redeploy would. */
  void killServer() {
    server.close();
    server = null;
  }

  /** Stops the server as SIGTERM does (its pages told it is going away, 1001), then takes it away. */
  void stopServer() {
    server.server.stop(7_500).await();
    killServer();
  }

  /** Starts a new server on the port the page already knows. */
  void restartServer() {
    startServer(String.valueOf(port));
  }

  private void startServer(String onPort) {
    // TestServer puts "--port 0" first; later flags win.
    List<String> flags = new ArrayList<>(serverFlags);
    flags.addAll(List.of("--port", onPort));
    server = TestServer.start(flags.toArray(String[]::new));
    server.vertx.exceptionHandler(serverErrors::add);
    port = server.port();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    browser.screenshot(Browser.screenshotName(context.getRequiredTestClass(), context.getRequiredTestMethod(),
        context.getDisplayName()));
    List<String> console = browser.consoleErrors().stream().filter(expectedConsoleError.negate()).toList();
    List<Throwable> unhandled = List.copyOf(serverErrors);
    serverErrors.clear();
    unhandled.forEach(Throwable::printStackTrace);
    assertEquals(List.of(), console, "console errors on the page");
    assertEquals(List.of(), unhandled, "unhandled exceptions in the server");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }
}
