package dev.livelens.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** A plain file server on loopback, the kind of address imports refuse unless allowed. */
public final class FileServer implements AutoCloseable {

  private final HttpServer server;

  private FileServer(HttpServer server) {
    this.server = server;
  }

  /** Serves the files of {@code dir} by name, and /moved/NAME as a redirect to /NAME. */
  public static FileServer serve(Path dir) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
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
        try (OutputStream out = exchange.getResponseBody()) {
          Files.copy(file, out);
        } catch (IOException clientLeft) {
          // the pre-flight check reads the headers only
        }
      });
      server.start();
      return new FileServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url(String name) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
