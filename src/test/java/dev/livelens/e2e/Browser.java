package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, both named explicitly so Selenium
 * Manager never runs (nothing is downloaded). Each browser gets a fresh profile, deleted on close.
 */
final class Browser implements AutoCloseable {

  static final Duration POLL_EVERY = Duration.ofMillis(100);
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /** Selenium looks for DevTools bindings matching this Chromium and warns when it has none; no test uses them. */
  private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

  static {
    DEVTOOLS_LOG.setLevel(Level.SEVERE);
  }

  final ChromeDriver driver;
  private final Path profile;

  private Browser(List<String> cameraArguments) {
    try {
      profile = Files.createTempDirectory("livelens-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(ChromiumRequired.CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,800", "--user-data-dir=" + profile,
        "--use-fake-device-for-media-stream");
    options.addArguments(cameraArguments);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(ChromiumRequired.CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withSilent(true)
        .build();
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      deleteProfile();
      throw e;
    }
  }

  /** A browser whose camera is the given Y4M clip and whose permission prompt is always accepted. */
  static Browser withCamera(Path y4m) {
    return new Browser(List.of("--use-fake-ui-for-media-stream", "--use-file-for-fake-video-capture=" + y4m));
  }

  /** A browser whose camera is the Y4M clip and whose microphone plays the WAV file, prompts accepted. */
  static Browser withCameraAndMicrophone(Path y4m, Path wav) {
    return new Browser(List.of("--use-fake-ui-for-media-stream", "--use-file-for-fake-video-capture=" + y4m,
        "--use-file-for-fake-audio-capture=" + wav));
  }

  /** A browser with a camera whose permission prompt is always refused, as a person clicking Block. */
  static Browser denyingCamera() {
    return new Browser(List.of("--deny-permission-prompts"));
  }

  void open(String url) {
    driver.get(url);
  }

  Object js(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /** The page's own {@code fetch} of {@code path} (with this browser's cookies): the answer's body as text. */
  String fetch(String method, String path) {
    return String.valueOf(driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "fetch(arguments[1], {method: arguments[0]}).then(r => r.text()).then(done, e => done(String(e)));",
        method, path));
  }

  /**
   * Runs {@code visit} as a visitor with no cookies (someone other than who is signed in here), then gives this
   * browser its cookies back: a video's owner does not count as its audience.
   */
  void asVisitor(Runnable visit) {
    var cookies = java.util.Set.copyOf(driver.manage().getCookies());
    driver.manage().deleteAllCookies();
    try {
      visit.run();
    } finally {
      driver.manage().deleteAllCookies();
      cookies.forEach(driver.manage()::addCookie);
    }
  }

  /**
   * Asks {@code probe} every {@link #POLL_EVERY} until {@code done} accepts its answer and returns
   * that answer; after {@code timeout} the test fails, showing the last answer.
   */
  <T> T await(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = probe.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        fail("waited " + timeout.toMillis() + " ms for " + what + "; last seen: " + last);
      }
      try {
        Thread.sleep(POLL_EVERY.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      last = probe.get();
    }
    return last;
  }

  /** Console messages at error level since the last call (each is reported once). */
  List<String> consoleErrors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(entry.getMessage());
      }
    }
    return errors;
  }

  /** "PageE2ETest-someTest", plus "-{display name}" for each case of a parameterized test. */
  static String screenshotName(Class<?> testClass, Method test, String displayName) {
    String name = testClass.getSimpleName() + "-" + test.getName();
    return displayName.startsWith(test.getName() + "(") ? name : name + "-" + displayName;
  }

  static String screenshotName(TestInfo test) {
    return screenshotName(test.getTestClass().orElseThrow(), test.getTestMethod().orElseThrow(),
        test.getDisplayName());
  }

  /** Saves the top of the page as target/screenshots/{name}.png and returns the file. */
  Path screenshot(String name) {
    js("window.scrollTo(0, 0);"); // choosing a filter scrolls it into view; a person wants the top
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name.replaceAll("[^A-Za-z0-9._-]+", "_") + ".png");
      Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteProfile();
    }
  }

  private void deleteProfile() {
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete the browser profile " + profile + ": " + e);
    }
  }

  /** JSON from executeScript arrives as maps, lists, Long and Double; this reads numbers plainly. */
  static double number(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (!(value instanceof Number n)) {
      throw new AssertionError(key + " is not a number in " + map);
    }
    return n.doubleValue();
  }
}
