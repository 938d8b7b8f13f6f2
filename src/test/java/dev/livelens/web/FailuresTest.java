package dev.livelens.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the one failure handler answers, on a real server, for handlers that break in each way. */
class FailuresTest {

  private static Vertx vertx;
  private static HttpServer server;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    Failures.install(router);
    router.get("/throws").handler(ctx -> {
      throw new IllegalStateException("/srv/secret/path broke");
    });
    router.get("/fails").handler(ctx -> ctx.fail(new RuntimeException("a database said no")));
    router.get("/problem").handler(ctx -> Failures.answer(ctx, new Problem(429, "slow_down", "wait a bit")
        .withHeader("Retry-After", "3").with("retryAfterSeconds", 3)));
    router.get("/future").handler(ctx -> Future.failedFuture(new Problem(409, "taken", "already taken"))
        .onFailure(error -> Failures.answer(ctx, error)));
    server = vertx.createHttpServer().requestHandler(router).listen(0).await();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void anExceptionIsA500InJsonThatShowsNothingOfTheServer() {
    for (String path : new String[] {"/throws", "/fails"}) {
      Answer answer = get(path);
      assertEquals(500, answer.status);
      assertEquals("application/json", answer.contentType);
      assertEquals("internal", answer.json.getString("error"));
      assertEquals(false, answer.json.encode().contains("/srv") || answer.json.encode().contains("database"));
    }
  }

  @Test
  void aProblemIsAnsweredWithItsStatusHeadersAndFields() {
    Answer answer = get("/problem");
    assertEquals(429, answer.status);
    assertEquals("3", answer.retryAfter);
    assertEquals(new JsonObject().put("error", "slow_down").put("message", "wait a bit").put("retryAfterSeconds", 3),
        answer.json);
    assertEquals(409, get("/future").status);
  }

  @Test
  void aBrowsersNavigationToNoPageGetsThe404PageButTheApiAndOtherRequestsKeepJson() throws Exception {
    HttpResponse<String> page = send("/nope", "GET", "text/html,application/xhtml+xml,*/*;q=0.8");
    assertEquals(404, page.statusCode());
    assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(true, page.body().contains("There is no page at this address")
        && page.body().contains("class=\"site-header\""), page.body());
    for (String[] request : new String[][] {{"/api/nope", "GET", "text/html"}, {"/nope", "GET", "application/json"},
        {"/nope", "POST", "text/html"}, {"/ws/nope", "GET", "text/html"}, {"/nope", "GET", "*/*"}}) {
      HttpResponse<String> json = send(request[0], request[1], request[2]);
      assertEquals(404, json.statusCode());
      assertEquals("application/json", json.headers().firstValue("Content-Type").orElseThrow(),
          String.join(" ", request));
      assertEquals("not_found", new JsonObject(json.body()).getString("error"));
    }
  }

  private static HttpResponse<String> send(String path, String method, String accept) throws Exception {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path)).header("Accept", accept)
            .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private record Answer(int status, String contentType, String retryAfter, JsonObject json) {
  }

  /** An independent client's GET (the JDK's, not Vert.x's): the status, two headers and the JSON body. */
  private static Answer get(String path) {
    try {
      HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
              .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
          response.headers().firstValue("Retry-After").orElse(null), new JsonObject(response.body()));
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
