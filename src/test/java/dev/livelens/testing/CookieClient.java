package dev.livelens.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * An independent HTTP client (java.net.http) that keeps its cookies like one browser does: sign in with
 * one, and the next request carries the session.
 */
public final class CookieClient {

  private final String base;
  private final HttpClient http;

  public CookieClient(int port) {
    this("http://127.0.0.1:" + port, null);
  }

  /** A client of {@code base} (e.g. https://localhost:8443) trusting what {@code tls} trusts (null: the JDK's). */
  public CookieClient(String base, SSLContext tls) {
    this.base = base;
    // Over TLS the connect time includes the handshake, slow for the first one of a JVM on a busy machine.
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(tls == null ? 5 : 30))
        .cookieHandler(new CookieManager());
    if (tls != null) {
      builder.sslContext(tls);
    }
    this.http = builder.build();
  }

  /** POSTs {@code json} as application/json. */
  public HttpResponse<String> post(String path, JsonObject json) throws IOException, InterruptedException {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.encode())));
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  /** A request to shape by hand: other headers, another method, a raw body. */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> signUp(String username, String password) throws IOException, InterruptedException {
    return post("/api/auth/signup", credentials(username, password));
  }

  public HttpResponse<String> logIn(String username, String password) throws IOException, InterruptedException {
    return post("/api/auth/login", credentials(username, password));
  }

  public static JsonObject credentials(String username, String password) {
    return new JsonObject().put("username", username).put("password", password);
  }
}
