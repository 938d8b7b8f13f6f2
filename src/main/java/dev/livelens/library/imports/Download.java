package dev.livelens.library.imports;

import dev.livelens.media.Cancel;
import dev.livelens.media.MediaException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * A whole file fetched from a URL into the video's folder, through the {@link ImportProxy} (which checks
 * every address it connects to), before FFmpeg reads it: FFmpeg reading the URL itself must seek to an
 * MP4's index at its end, which a server that ignores byte ranges cannot give. Redirects are followed here,
 * each through the proxy; the size limit holds as the bytes come; 20 s without data ends it.
 */
public final class Download {

  /** What came: the address it came from after redirects, and what the server said it is. */
  public record Fetched(URI uri, String contentType, long bytes) {
  }

  static final int IDLE_SECONDS = 20;
  private static final int MAX_REDIRECTS = 5;
  static final String USER_AGENT = "LiveLens-import";

  private final Vertx vertx;
  private final HttpClient client;
  private final long maxBytes;

  public Download(Vertx vertx, int proxyPort, long maxBytes) {
    this.vertx = vertx;
    this.maxBytes = maxBytes;
    this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(10_000)
        .setIdleTimeout(IDLE_SECONDS).setProxyOptions(new ProxyOptions().setType(ProxyType.HTTP)
            .setHost("127.0.0.1").setPort(proxyPort)));
  }

  /**
   * Fetches {@code uri} into {@code file}; {@code progress} hears 0..1 when the server says the length.
   * Fails with a {@link MediaException} that says what the server did.
   */
  public Future<Fetched> fetch(URI uri, Path file, Cancel cancel, DoubleConsumer progress) {
    // Open before asking: the answer's handlers are then set the moment it comes, before any byte or close.
    return vertx.fileSystem().open(file.toString(), new OpenOptions().setWrite(true).setCreate(true)
            .setTruncateExisting(true))
        .compose(out -> fetch(uri, out, cancel, progress, 0).eventually(() -> out.close()));
  }

  private Future<Fetched> fetch(URI uri, AsyncFile out, Cancel cancel, DoubleConsumer progress, int hops) {
    String host = uri.getHost();
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri.toString())
        .putHeader("User-Agent", USER_AGENT).setFollowRedirects(false);
    return client.request(options).compose(request -> {
      cancel.whenCancelled(() -> request.reset());
      return request.send();
    }).recover(error -> Future.failedFuture(cancel.cancelled() ? new Cancel.Cancelled()
        : new MediaException("the server at " + host + " could not be reached: check the address, or try again later")))
        .compose(response -> {
          int status = response.statusCode();
          if (response.getHeader("X-LiveLens-Proxy") != null) {
            return response.body().compose(why -> Future.failedFuture(new MediaException(status == 403 ? why.toString()
                : "the server at " + host + " could not be reached: check the address, or try again later")));
          }
          String location = response.getHeader("Location");
          if (status >= 300 && status < 400 && location != null && hops < MAX_REDIRECTS) {
            return response.body().compose(skipped -> fetch(next(uri, location), out, cancel, progress, hops + 1));
          }
          if (status >= 300) {
            response.request().reset();
            return Future.failedFuture(new MediaException("the server at " + host + " answered HTTP " + status
                + (status == 404 ? " (not found): check the address" : " instead of the video: try again later")));
          }
          return save(response, uri, out, cancel, progress);
        });
  }

  private Future<Fetched> save(HttpClientResponse response, URI uri, AsyncFile out, Cancel cancel,
      DoubleConsumer progress) {
    long length = length(response.getHeader("Content-Length"));
    if (length > maxBytes) {
      response.request().reset();
      return Future.failedFuture(tooLarge());
    }
    return copy(response, uri.getHost(), out, length, cancel, progress)
        .map(bytes -> new Fetched(uri, response.getHeader("Content-Type"), bytes));
  }

  private Future<Long> copy(HttpClientResponse response, String host, AsyncFile out, long length, Cancel cancel,
      DoubleConsumer progress) {
    Promise<Long> copied = Promise.promise();
    long[] bytes = {0};
    long[] lastData = {System.nanoTime()};
    response.handler(chunk -> {
      bytes[0] += chunk.length();
      lastData[0] = System.nanoTime();
      if (bytes[0] > maxBytes) {
        copied.tryFail(tooLarge());
        response.request().reset();
        return;
      }
      out.write(chunk);
      if (out.writeQueueFull()) {
        response.pause();
        out.drainHandler(drained -> response.resume());
      }
      if (length > 0) {
        progress.accept((double) bytes[0] / length);
      }
    });
    response.exceptionHandler(error -> copied.tryFail(cancel.cancelled() ? new Cancel.Cancelled()
        : System.nanoTime() - lastData[0] >= (IDLE_SECONDS - 1) * 1_000_000_000L
            ? new MediaException("the server at " + host + " sent nothing for " + IDLE_SECONDS + " s after "
                + bytes[0] + " bytes: try again later")
            : closedEarly(host, bytes[0], length)));
    response.endHandler(end -> {
      if (length >= 0 && bytes[0] < length) {
        copied.tryFail(closedEarly(host, bytes[0], length));
      } else {
        copied.tryComplete(bytes[0]);
      }
    });
    return copied.future();
  }

  private static MediaException closedEarly(String host, long bytes, long length) {
    return new MediaException("the server at " + host + " sent " + bytes + " bytes" + (length > 0 ? " of " + length
        : "") + " and closed the connection: try again later");
  }

  private MediaException tooLarge() {
    return new MediaException(String.format(Locale.ROOT, "the video is larger than this server's limit of %.1f GiB",
        maxBytes / (1024.0 * 1024 * 1024)));
  }

  private static URI next(URI from, String location) {
    try {
      return UrlCheck.parse(from.resolve(location).toString());
    } catch (UrlCheck.BadUrl | IllegalArgumentException e) {
      throw new MediaException("the server at " + from.getHost() + " redirects to an address that cannot be imported");
    }
  }

  private static long length(String header) {
    try {
      return header == null ? -1 : Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public void close() {
    client.close();
  }
}
