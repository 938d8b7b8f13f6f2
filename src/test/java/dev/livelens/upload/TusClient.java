package dev.livelens.upload;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

/**
 * An independent tus 1.0 client on java.net.http, written from the protocol, not from the server; HTTP/1.1
 * as browsers speak it to a plain-http server.
 */
final class TusClient {

  /** One browser's cookies: the guest identity its first upload gave it, which alone reaches its uploads. */
  private final java.net.CookieManager cookies;
  private final HttpClient http;
  private final int port;

  TusClient(int port) {
    this(port, new java.net.CookieManager());
  }

  private TusClient(int port, java.net.CookieManager cookies) {
    this.port = port;
    this.cookies = cookies;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
        .cookieHandler(cookies).build();
  }

  /** The same browser (its cookies) talking to another server on the same data (after a restart). */
  TusClient at(int otherPort) {
    return new TusClient(otherPort, cookies);
  }

  /** The Cookie header line this browser sends, or "" when it has no cookie yet. */
  String cookieLine() {
    String value = String.join("; ", cookies.getCookieStore().getCookies().stream().map(Object::toString).toList());
    return value.isEmpty() ? "" : "Cookie: " + value + "\r\n";
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  HttpResponse<String> options() {
    return send(HttpRequest.newBuilder(uri("/api/uploads")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
  }

  /** Creates an upload (length -1 defers it) and returns its path. */
  String create(long length, String filename) {
    HttpResponse<String> created = send(creation(length, filename));
    if (created.statusCode() != 201) {
      throw new AssertionError("creation answered " + created.statusCode() + " " + created.body());
    }
    return created.headers().firstValue("Location").orElseThrow();
  }

  HttpRequest.Builder creation(long length, String filename) {
    HttpRequest.Builder request = tus(HttpRequest.newBuilder(uri("/api/uploads")))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (length < 0) {
      request.header("Upload-Defer-Length", "1");
    } else {
      request.header("Upload-Length", String.valueOf(length));
    }
    if (filename != null) {
      request.header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString(
          filename.getBytes(StandardCharsets.UTF_8)) + ",filetype dmlkZW8vd2VibQ==");
    }
    return request;
  }

  HttpResponse<String> head(String path) {
    return send(tus(HttpRequest.newBuilder(uri(path))).method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  long offset(String path) {
    HttpResponse<String> head = head(path);
    if (head.statusCode() != 200) {
      throw new AssertionError("HEAD answered " + head.statusCode());
    }
    return Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
  }

  /** A PATCH of {@code bytes} at {@code offset} with their sha256; {@code length} >= 0 declares the length. */
  HttpResponse<String> patch(String path, long offset, byte[] bytes, long length) {
    return send(patchRequest(path, offset, bytes, length).header("Upload-Checksum", "sha256 " + sha256(bytes)));
  }

  HttpRequest.Builder patchRequest(String path, long offset, byte[] bytes, long length) {
    HttpRequest.Builder request = tus(HttpRequest.newBuilder(uri(path)))
        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes))
        .header("Content-Type", "application/offset+octet-stream")
        .header("Upload-Offset", String.valueOf(offset));
    if (length >= 0) {
      request.header("Upload-Length", String.valueOf(length));
    }
    return request;
  }

  HttpResponse<String> delete(String path) {
    return send(tus(HttpRequest.newBuilder(uri(path))).DELETE());
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A PATCH over a raw socket that sends its headers (declaring all of {@code bytes}) and only the
   * first {@code sent} bytes, and is left open: the caller finishes or drops it.
   */
  Socket partialPatch(String path, long offset, byte[] bytes, int sent, boolean withChecksum) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    String head = "PATCH " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nTus-Resumable: 1.0.0\r\n"
        + cookieLine() + "Content-Type: application/offset+octet-stream\r\nUpload-Offset: " + offset + "\r\n"
        + "Content-Length: " + bytes.length + "\r\n"
        + (withChecksum ? "Upload-Checksum: sha256 " + sha256(bytes) + "\r\n" : "") + "\r\n";
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(Arrays.copyOf(bytes, sent));
    out.flush();
    return socket;
  }

  static HttpRequest.Builder tus(HttpRequest.Builder request) {
    return request.header("Tus-Resumable", "1.0.0");
  }

  static String sha256(byte[] bytes) {
    return Base64.getEncoder().encodeToString(digest(bytes));
  }

  static byte[] digest(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
