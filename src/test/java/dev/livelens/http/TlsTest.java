package dev.livelens.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.config.LiveLensConfig;
import dev.livelens.testing.CookieClient;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestServer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** --tls-cert and --tls-key: HTTPS and WSS on the one port, with a certificate made for the test. */
class TlsTest {

  private static Path dir;
  private static Path cert;
  private static Path key;
  private static TestServer server;
  private static SSLContext trusting;

  @BeforeAll
  static void startServer() throws Exception {
    dir = TempDirs.create("livelens-tls-");
    cert = dir.resolve("cert.pem");
    key = dir.resolve("key.pem");
    Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
        "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost",
        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1").redirectErrorStream(true).start();
    String output = new String(openssl.getInputStream().readAllBytes());
    assertEquals(0, openssl.waitFor(), output);
    server = TestServer.start("--tls-cert", cert.toString(), "--tls-key", key.toString());
    trusting = trusting(cert);
  }

  @AfterAll
  static void stopServer() {
    server.close();
    TempDirs.delete(dir);
  }

  @Test
  void theApiAnswersOverHttpsAndTheSessionCookieIsSecure() throws Exception {
    CookieClient browser = new CookieClient("https://127.0.0.1:" + server.port(), trusting);
    HttpResponse<String> signup = browser.signUp("Secure", "correct horse battery");
    assertEquals(201, signup.statusCode(), signup.body());
    String cookie = signup.headers().firstValue("Set-Cookie").orElseThrow().toLowerCase(Locale.ROOT);
    assertTrue(cookie.contains("; secure") && cookie.contains("; httponly"), cookie);
    assertEquals(200, browser.get("/api/me").statusCode());
    HttpResponse<String> page = browser.get("/account");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("LiveLens account"));
  }

  @Test
  void theStreamSocketSpeaksWss() throws Exception {
    // Held until the end: Vert.x closes a client that is garbage collected, connections and all.
    WebSocketClient client = server.vertx.createWebSocketClient(new WebSocketClientOptions().setSsl(true)
        .setTrustOptions(new PemTrustOptions().addCertPath(cert.toString())));
    JsonObject hello = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port()).setSsl(true)
            .setURI("/ws/stream").addHeader("Origin", "https://127.0.0.1:" + server.port()))
        .compose(socket -> {
          io.vertx.core.Promise<JsonObject> first = io.vertx.core.Promise.promise();
          socket.textMessageHandler(text -> first.tryComplete(new JsonObject(text)));
          return first.future().eventually(socket::close);
        })
        .eventually(client::close)
        .await(30, TimeUnit.SECONDS);
    assertEquals("hello", hello.getString("type"));
    assertEquals(1, hello.getInteger("protocol"));
  }

  @Test
  void plainHttpOnTheTlsPortGetsNoPage() {
    CookieClient plain = new CookieClient(server.port());
    assertThrows(IOException.class, () -> plain.get("/api/me"));
  }

  @Test
  void aCertificateWithoutItsKeyIsAUsageError() {
    LiveLensConfig.UsageException error = assertThrows(LiveLensConfig.UsageException.class,
        () -> LiveLensConfig.load(new String[] {"--tls-cert", cert.toString()}, Map.of()));
    assertTrue(error.getMessage().contains("--tls-cert and --tls-key go together"), error.getMessage());
    assertThrows(LiveLensConfig.UsageException.class, () -> LiveLensConfig.load(
        new String[] {"--tls-cert", dir.resolve("missing.pem").toString(), "--tls-key", key.toString()}, Map.of()));
  }

  /** An SSL context that trusts exactly this certificate, as a client given the server's certificate would. */
  private static SSLContext trusting(Path certificate) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(certificate)) {
      store.setCertificateEntry("livelens", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
