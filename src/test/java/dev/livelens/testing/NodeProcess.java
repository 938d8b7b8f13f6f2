package dev.livelens.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A LiveLens node in a JVM of its own, started as {@code java -jar} would run it but from the test's
 * classpath (with the test's {@link PacedFilter} beside the standard filters), on 127.0.0.1 with a free port, no warm-up and a temporary data directory; its output goes
 * to {@code node.log} there, which a failing test prints.
 */
public record NodeProcess(Process process, int port, Path log, Path ownDataDir) implements AutoCloseable {

  /** What Hazelcast reaches into; the jar's manifest grants the same to java -jar. */
  public static final List<String> JVM_FLAGS = List.of(
      "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED",
      "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.management/sun.management=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

  /** Starts a node with {@code flags} after the harness's own; it is not ready until {@link #awaitHealthy()}. */
  public static NodeProcess start(String... flags) {
    return start(List.of("-Xmx256m"), flags);
  }

  /** The same with {@code jvmFlags} (a heap size) instead of the harness's {@code -Xmx256m}. */
  public static NodeProcess start(List<String> jvmFlags, String... flags) {
    boolean ownDataDir = !List.of(flags).contains("--data-dir");
    Path dataDir = ownDataDir ? TempDirs.create("livelens-node-")
        : Path.of(List.of(flags).get(List.of(flags).indexOf("--data-dir") + 1));
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_FLAGS);
    command.addAll(jvmFlags);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), TestNodeMain.class.getName(),
        "--port", String.valueOf(port), "--host", "127.0.0.1", "--warmup-seconds", "0", "--signups-per-address", "1000",
        "--transcribe-threads", "0")); // as TestServer: no speech model unless the test asks
    if (ownDataDir) {
      command.addAll(List.of("--data-dir", dataDir.toString()));
    }
    command.addAll(List.of(flags));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(dataDir.resolve("node.log").toFile()).start();
      return new NodeProcess(process, port, dataDir.resolve("node.log"), ownDataDir ? dataDir : null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A port free now, below the kernel's ephemeral range (32768 and up): a port picked from that range can be
   * taken, between its pick and the node's bind, by any socket bound to port 0 (another node's event bus).
   */
  public static int freePort() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = java.util.concurrent.ThreadLocalRandom.current().nextInt(20_000, 32_000);
      try (ServerSocket socket = new ServerSocket(port)) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // in use: another one
      }
    }
    throw new UncheckedIOException(new IOException("no free port below 32000"));
  }

  /** Waits until /healthz answers 200; fails with the node's log if it exits or takes over a minute. */
  public NodeProcess awaitHealthy() {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      sleep(100);
    }
    throw new AssertionError("the node on port " + port + " did not become healthy; its log:\n" + logText());
  }

  /** Kills the node outright, as a crash or SIGKILL would: no goodbye to the cluster. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Sends SIGTERM, as an orchestrator stopping the node does, and waits up to {@code limit} for it to exit.
   *
   * @return how long it took from the signal to the exit, or null when it was still running at the limit
   */
  public Duration terminate(Duration limit) {
    long signalled = System.nanoTime();
    process.destroy();
    try {
      return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)
          ? Duration.ofNanos(System.nanoTime() - signalled) : null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What the node wrote so far. */
  public String logText() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the node (SIGTERM, so it leaves the cluster), killing it if it takes over 10 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
    if (ownDataDir != null) {
      TempDirs.delete(ownDataDir);
    }
  }
}
