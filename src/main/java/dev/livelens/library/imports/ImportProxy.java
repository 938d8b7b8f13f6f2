package dev.livelens.library.imports;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.net.InetAddress;
import java.net.URI;

/**
 * The one way out for imports: FFmpeg and the pre-flight check reach the web only through this HTTP
 * proxy on loopback. Every request (plain http) and every tunnel (https, CONNECT) is checked here: the
 * host is resolved once, each of its addresses checked, and the connection made to the checked address,
 * so neither a redirect, an HLS segment on another host nor a name that resolves differently the second
 * time (DNS rebinding) can reach a private address.
 */
public final class ImportProxy {

  private static final int IDLE_SECONDS = 30;

  private final AddressPolicy policy;
  private final WorkerExecutor pool;
  private final HttpClient client;
  private final NetClient net;
  private HttpServer server;

  private ImportProxy(Vertx vertx, AddressPolicy policy, WorkerExecutor pool) {
    this.policy = policy;
    this.pool = pool;
    this.client = vertx.createHttpClient(new HttpClientOptions().setIdleTimeout(IDLE_SECONDS).setConnectTimeout(10_000));
    this.net = vertx.createNetClient(new NetClientOptions().setConnectTimeout(10_000)
        .setIdleTimeout(IDLE_SECONDS));
  }

  /** Listens on a free loopback port. */
  public static Future<ImportProxy> start(Vertx vertx, AddressPolicy policy, WorkerExecutor pool) {
    ImportProxy proxy = new ImportProxy(vertx, policy, pool);
    proxy.server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setIdleTimeout(IDLE_SECONDS))
        .requestHandler(proxy::handle);
    return proxy.server.listen(0).map(proxy);
  }

  /** What FFmpeg and the pre-flight client are told to use. */
  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public int port() {
    return server.actualPort();
  }

  private void handle(HttpServerRequest request) {
    request.pause();
    if (request.method() == HttpMethod.CONNECT) {
      HostAndPort target = HostAndPort.parseAuthority(request.uri(), -1);
      if (target == null || target.port() <= 0) {
        refuse(request, 400, "CONNECT needs host:port");
        return;
      }
      checked(target.host()).onSuccess(address -> tunnel(request, address, target.port()))
          .onFailure(error -> refuse(request, error));
      return;
    }
    URI uri;
    try {
      uri = URI.create(request.uri());
    } catch (IllegalArgumentException e) {
      refuse(request, 400, "not a URL");
      return;
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      refuse(request, 400, "only absolute http URLs are forwarded");
      return;
    }
    checked(uri.getHost()).onSuccess(address -> forward(request, uri, address)).onFailure(e -> refuse(request, e));
  }

  private Future<InetAddress> checked(String host) {
    return pool.executeBlocking(() -> policy.resolve(host), false);
  }

  private void tunnel(HttpServerRequest request, InetAddress address, int port) {
    net.connect(port, address.getHostAddress()).onSuccess(upstream -> request.toNetSocket().onSuccess(client -> {
      client.pipeTo(upstream);
      upstream.pipeTo(client);
    }).onFailure(e -> upstream.close())).onFailure(error -> refuse(request, 502, error.getMessage()));
  }

  private void forward(HttpServerRequest request, URI uri, InetAddress address) {
    int port = uri.getPort() > 0 ? uri.getPort() : 80;
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
    headers.remove("Proxy-Connection").remove("Proxy-Authorization").remove("Connection")
        .set("Host", uri.getRawAuthority());
    RequestOptions options = new RequestOptions().setMethod(request.method()).setHost(address.getHostAddress())
        .setPort(port).setURI(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery()).setHeaders(headers)
        .setFollowRedirects(false);
    client.request(options).compose(upstream -> upstream.send(request)).onSuccess(response -> relay(request, response))
        .onFailure(error -> refuse(request, 502, String.valueOf(error.getMessage())));
  }

  /** The answer back to the client, paced by it; a client that leaves (the pre-flight check) ends the fetch. */
  private static void relay(HttpServerRequest request, HttpClientResponse upstream) {
    HttpServerResponse down = request.response().setStatusCode(upstream.statusCode());
    down.headers().addAll(upstream.headers()).remove("Connection").remove("Transfer-Encoding");
    down.setChunked(!upstream.headers().contains("Content-Length"));
    down.closeHandler(closed -> upstream.request().reset());
    upstream.handler(chunk -> {
      if (down.closed() || down.ended()) {
        return;
      }
      down.write(chunk);
      if (down.writeQueueFull()) {
        upstream.pause();
        down.drainHandler(drained -> upstream.resume());
      }
    });
    // The server closed before its end: so does the proxy, or the client would wait for bytes that never come.
    upstream.exceptionHandler(error -> request.connection().close());
    upstream.endHandler(end -> {
      if (!down.closed() && !down.ended()) {
        down.end();
      }
    });
  }

  private static void refuse(HttpServerRequest request, Throwable error) {
    boolean refused = error instanceof AddressPolicy.RefusedAddress;
    refuse(request, refused ? 403 : 502, String.valueOf(error.getMessage()));
  }

  private static void refuse(HttpServerRequest request, int status, String reason) {
    if (!request.response().ended()) {
      request.response().setStatusCode(status).putHeader("X-LiveLens-Proxy", "refused").end(reason);
    }
  }
}
