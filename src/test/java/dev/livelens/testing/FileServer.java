package dev.livelens.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A plain file server on loopback, the kind of address imports refuse unless allowed. It serves requests
 * side by side, and can hold FFmpeg's downloads part-way ({@link #holdDownloadsAfter}).
 */
public final class FileServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads;
  private final HeldDownloads gate;

  private FileServer(HttpServer server, ExecutorService threads, HeldDownloads gate) {
    this.server = server;
    this.threads = threads;
    this.gate = gate;
  }

  /** Serves the files of {@code dir} by name, and /moved/NAME as a redirect to /NAME. */
  public static FileServer serve(Path dir) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      HeldDownloads gate = new HeldDownloads();
      server.createContext("/", exchange -> {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/moved/")) {
          exchange.getResponseHeaders().set("Location", path.substring("/moved".length()));
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
          return;
        }
        Path file = dir.resolve(path.substring(1)).normalize();
        if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
          return;
        }
        exchange.sendResponseHeaders(200, Files.size(file));
        try (OutputStream out = exchange.getResponseBody(); InputStream in = Files.newInputStream(file)) {
          long holdAt = gate.holdAt(exchange.getRequestHeaders().getFirst("User-Agent"));
          if (holdAt >= 0) {
            out.write(in.readNBytes((int) holdAt));
            out.flush();
            gate.waitHere();
          }
          in.transferTo(out);
        } catch (IOException clientLeft) {
          // the pre-flight check reads the headers only
        } catch (InterruptedException stopping) {
          Thread.currentThread().interrupt();
        }
      });
      ExecutorService threads = Executors.newCachedThreadPool();
      server.setExecutor(threads);
      server.start();
      return new FileServer(server, threads, gate);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url(String name) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
  }

  /** From now on FFmpeg's downloads stop after {@code bytes} and wait, their FFmpeg running, until {@link #release}. */
  public void holdDownloadsAfter(long bytes) {
    gate.holdAfter(bytes);
  }

  /** Waits until {@code count} FFmpeg downloads are held at the same time; false when not within {@code timeout}. */
  public boolean awaitHeld(int count, Duration timeout) throws InterruptedException {
    return gate.await(count, timeout);
  }

  /** FFmpeg downloads held now. */
  public int held() {
    return gate.held();
  }

  /** Lets every held download finish, and holds no more. */
  public void release() {
    gate.release();
  }

  @Override
  public void close() {
    gate.release();
    server.stop(0);
    threads.shutdownNow();
  }
}
