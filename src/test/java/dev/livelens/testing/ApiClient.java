package dev.livelens.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An independent http client (java.net.http) for the JSON API and media of one server: one browser, keeping
 * the cookies the server gives it (a guest identity once it makes something), so it sees what it made.
 */
public final class ApiClient {

  private final HttpClient http;
  private final java.net.CookieManager cookies;
  private final int port;

  public ApiClient(int port) {
    this(port, new java.net.CookieManager());
  }

  private ApiClient(int port, java.net.CookieManager cookies) {
    this.port = port;
    this.cookies = cookies;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).cookieHandler(cookies)
        .version(HttpClient.Version.HTTP_1_1).build();
  }

  /** A new browser that signed up as {@code username} (with {@link TestAccounts#PASSWORD}) and keeps the session. */
  public static ApiClient signedUp(int port, String username) throws IOException, InterruptedException {
    ApiClient client = new ApiClient(port);
    HttpResponse<String> made = client.send("POST", "/api/auth/signup", new JsonObject().put("username", username)
        .put("password", TestAccounts.PASSWORD).encode());
    if (made.statusCode() != 201) {
      throw new AssertionError("signing up " + username + " answered " + made.statusCode() + ": " + made.body());
    }
    return client;
  }

  /** The same browser (its cookies) talking to another server, such as a node of the same cluster. */
  public ApiClient at(int otherPort) {
    return new ApiClient(otherPort, cookies);
  }

  /** The Cookie header this browser sends (empty when it has none), for clients of its own (a feed, a socket). */
  public String cookie() {
    return String.join("; ", cookies.getCookieStore().getCookies().stream().map(Object::toString).toList());
  }

  /** Becomes a guest identity (unless it already is someone); returns its user id. */
  public long guest() throws IOException, InterruptedException {
    HttpResponse<String> response = send("POST", "/api/auth/guest", null);
    if (response.statusCode() != 200) {
      throw new AssertionError("POST /api/auth/guest answered " + response.statusCode() + ": " + response.body());
    }
    return new JsonObject(response.body()).getLong("id");
  }

  public HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The same with headers of its own, as name, value, name, value... (a tus request's). */
  public HttpResponse<String> send(String method, String path, byte[] body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send("GET", path, null);
  }

  public JsonObject json(String path) throws IOException, InterruptedException {
    return new JsonObject(get(path).body());
  }

  public HttpResponse<byte[]> bytes(String path, String range) throws IOException, InterruptedException {
    HttpRequest.Builder request = request(path);
    if (range != null) {
      request.header("Range", range);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public Path download(String path, Path file) throws IOException, InterruptedException {
    HttpResponse<Path> response = http.send(request(path).build(), HttpResponse.BodyHandlers.ofFile(file));
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + path + " answered " + response.statusCode());
    }
    return file;
  }

  /** Polls the video until it is no longer processing; returns what it became. */
  public JsonObject awaitVideo(String id, Duration patience) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    JsonObject video = json("/api/videos/" + id);
    while ("processing".equals(video.getString("status")) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      video = json("/api/videos/" + id);
    }
    return video;
  }

  /** The video's transcript once it is no longer being made (none yet counts as being made). */
  public JsonObject awaitTranscript(String id, Duration patience) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    HttpResponse<String> transcript = get("/api/videos/" + id + "/transcript");
    while (transcript.statusCode() == 200 && List.of("none", "processing").contains(
        new JsonObject(transcript.body()).getString("status")) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      transcript = get("/api/videos/" + id + "/transcript");
    }
    return new JsonObject(transcript.body());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
  }
}
