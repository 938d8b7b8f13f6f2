package dev.livelens.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The rooms' numbers against a running server, whose people sign up through the account API first: fan-out (one member's processed camera to
 * 0, 1, 4, 8 and 16 viewers: frames a second each viewer gets, and the server's CPU for each frame delivered
 * beyond the processing itself) and chat (100 people online in rooms of ten, each saying something every
 * two seconds: the time from sending to each member's receipt, p50/p99).
 */
final class RoomsBench {

  private final Vertx vertx;
  private final WebSocketClient client;
  private final int port;
  private final long pid;
  private final FrameSet frames;
  private final HttpClient http;
  private int nextUser = 1;

  RoomsBench(Vertx vertx, int port, long pid, FrameSet frames) {
    this.vertx = vertx;
    this.port = port;
    this.pid = pid;
    this.frames = frames;
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(16 << 20)
        .setMaxMessageSize(16 << 20).setMaxConnections(1000));
    this.http = vertx.createHttpClient();
  }

  /** Signs a new person up (the server hashes their password: a fraction of a second each) and gives their cookie. */
  private String signUp(String name) throws TimeoutException {
    String username = name + "-" + ProcessHandle.current().pid() + "-" + nextUser++;
    JsonObject body = new JsonObject().put("username", username).put("password", "bench password 1234");
    return http.request(HttpMethod.POST, port, "127.0.0.1", "/api/auth/signup")
        .compose(request -> request.putHeader("Content-Type", "application/json").send(body.encode()))
        .map(response -> {
          if (response.statusCode() != 201) {
            throw new IllegalStateException("sign-up answered " + response.statusCode());
          }
          return response.getHeader("Set-Cookie").split(";", 2)[0];
        }).await(60, TimeUnit.SECONDS);
  }

  /** One rooms socket, signed in by {@code cookie}; text messages to {@code onText}, binary to {@code onBinary}. */
  private WebSocket person(String cookie, Consumer<JsonObject> onText, Consumer<Buffer> onBinary)
      throws TimeoutException {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/ws/rooms").addHeader("Cookie", cookie);
    WebSocket socket = client.connect(options).await(10, TimeUnit.SECONDS);
    socket.textMessageHandler(text -> onText.accept(new JsonObject(text)));
    socket.binaryMessageHandler(onBinary::accept);
    return socket;
  }

  /** Sends {@code message} and waits for the first answer of {@code type} the handler passes on. */
  private static JsonObject ask(WebSocket socket, List<CompletableFuture<JsonObject>> waiting, String type,
      JsonObject message) throws Exception {
    CompletableFuture<JsonObject> answer = new CompletableFuture<>();
    waiting.add(answer);
    socket.writeTextMessage(message.encode());
    JsonObject reply = answer.get(10, TimeUnit.SECONDS);
    if (!type.equals(reply.getString("type"))) {
      throw new IllegalStateException("expected " + type + ", got " + reply.encode());
    }
    return reply;
  }

  /** One row of the fan-out table. */
  record FanoutRow(int viewers, double senderFps, double minViewerFps, double meanViewerFps, double serverCpuPerSecond,
      double cpuMsPerProcessed, double deliveredPerSecond) {
  }

  FanoutRow fanout(int viewers, String filter, int seconds) throws Exception {
    List<CompletableFuture<JsonObject>> waiting = Collections.synchronizedList(new ArrayList<>());
    Consumer<JsonObject> answers = m -> {
      String type = m.getString("type");
      if (!waiting.isEmpty() && List.of("created", "joined", "error").contains(type)) {
        waiting.remove(0).complete(m);
      }
    };
    List<WebSocket> open = new ArrayList<>();
    String senderCookie = signUp("sender");
    WebSocket sender = person(senderCookie, answers, b -> { });
    open.add(sender);
    String room = ask(sender, waiting, "created", new JsonObject().put("type", "create").put("name", "fanout"))
        .getJsonObject("room").getString("id");
    ask(sender, waiting, "joined", new JsonObject().put("type", "join").put("room", room));
    List<AtomicLong> counts = new ArrayList<>();
    for (int i = 0; i < viewers; i++) {
      AtomicLong count = new AtomicLong();
      counts.add(count);
      List<CompletableFuture<JsonObject>> mine = Collections.synchronizedList(new ArrayList<>());
      WebSocket viewer = person(signUp("viewer"), m -> {
        if (!mine.isEmpty() && List.of("joined", "error").contains(m.getString("type"))) {
          mine.remove(0).complete(m);
        }
      }, b -> {
        if (b.getByte(0) == 2) {
          count.incrementAndGet();
        }
      });
      open.add(viewer);
      ask(viewer, mine, "joined", new JsonObject().put("type", "join").put("room", room));
    }
    Camera camera = new Camera(vertx, frames);
    String stream = camera.connect(client, port, filter, senderCookie).await(10, TimeUnit.SECONDS);
    sender.writeTextMessage(new JsonObject().put("type", "camera").put("stream", stream).encode());
    vertx.runOnContext(v -> camera.start());
    Thread.sleep(3000); // warm-up
    long answered0 = camera.answered.get();
    List<Long> seen0 = counts.stream().map(AtomicLong::get).toList();
    double cpu0 = ProcessProbe.cpuSeconds(pid);
    long t0 = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    double elapsed = (System.nanoTime() - t0) / 1e9;
    double cpu = ProcessProbe.cpuSeconds(pid) - cpu0;
    long answered = camera.answered.get() - answered0;
    List<Double> fps = new ArrayList<>();
    for (int i = 0; i < viewers; i++) {
      fps.add((counts.get(i).get() - seen0.get(i)) / elapsed);
    }
    camera.stop();
    for (WebSocket socket : open) {
      socket.close().await(5, TimeUnit.SECONDS);
    }
    double delivered = fps.stream().mapToDouble(Double::doubleValue).sum();
    return new FanoutRow(viewers, answered / elapsed, fps.stream().mapToDouble(d -> d).min().orElse(0),
        fps.stream().mapToDouble(d -> d).average().orElse(0), cpu / elapsed, 1000 * cpu / Math.max(1, answered),
        delivered);
  }

  /** Chat delivery latencies in ms: {@code people} online in rooms of {@code roomSize}. */
  List<Double> chat(int people, int roomSize, int seconds) throws Exception {
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    List<WebSocket> open = new ArrayList<>();
    List<List<CompletableFuture<JsonObject>>> waits = new ArrayList<>();
    String room = null;
    for (int i = 0; i < people; i++) {
      List<CompletableFuture<JsonObject>> mine = Collections.synchronizedList(new ArrayList<>());
      waits.add(mine);
      WebSocket socket = person(signUp("p"), m -> {
        String type = m.getString("type");
        if ("chat".equals(type) && m.getString("text").startsWith("t=")) {
          latencies.add((System.nanoTime() - Long.parseLong(m.getString("text").substring(2))) / 1e6);
        } else if (!mine.isEmpty() && List.of("created", "joined", "error").contains(type)) {
          mine.remove(0).complete(m);
        }
      }, b -> { });
      open.add(socket);
      if (i % roomSize == 0) {
        room = ask(socket, mine, "created", new JsonObject().put("type", "create").put("name", "chat" + i))
            .getJsonObject("room").getString("id");
      }
      ask(socket, mine, "joined", new JsonObject().put("type", "join").put("room", room));
    }
    Thread.sleep(1000);
    latencies.clear();
    Random random = new Random(7);
    List<Long> timers = new ArrayList<>();
    for (WebSocket socket : open) {
      long phase = 1 + random.nextInt(2000);
      vertx.setTimer(phase, t -> timers.add(vertx.setPeriodic(2000, p -> socket.writeTextMessage(new JsonObject()
          .put("type", "say").put("text", "t=" + System.nanoTime()).encode()))));
    }
    Thread.sleep(seconds * 1000L);
    timers.forEach(vertx::cancelTimer);
    Thread.sleep(1000);
    for (WebSocket socket : open) {
      socket.close().await(5, TimeUnit.SECONDS);
    }
    List<Double> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return sorted;
  }

  static double percentile(List<Double> sorted, double p) {
    return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }

  /** The sender's camera: 30 frames a second, at most two unanswered, like the page. */
  static final class Camera {
    private final Vertx vertx;
    private final FrameSet frames;
    final AtomicLong answered = new AtomicLong();
    private WebSocket socket;
    private long timer = -1;
    private long nextId = 1;
    private int inFlight;
    private long lastAnswerAt = System.nanoTime();

    Camera(Vertx vertx, FrameSet frames) {
      this.vertx = vertx;
      this.frames = frames;
    }

    Future<String> connect(WebSocketClient client, int port, String filter, String cookie) {
      CompletableFuture<String> stream = new CompletableFuture<>();
      WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
          .setURI("/ws/stream?filter=" + filter).addHeader("Cookie", cookie);
      return client.connect(options).compose(ws -> {
        socket = ws;
        ws.textMessageHandler(text -> {
          JsonObject m = new JsonObject(text);
          if ("hello".equals(m.getString("type"))) {
            stream.complete(m.getString("stream"));
          }
        });
        ws.binaryMessageHandler(b -> {
          inFlight = Math.max(0, inFlight - 1);
          lastAnswerAt = System.nanoTime();
          answered.incrementAndGet();
        });
        return Future.fromCompletionStage(stream);
      });
    }

    void start() {
      timer = vertx.setPeriodic(33, t -> {
        if (System.nanoTime() - lastAnswerAt > 1_000_000_000L) {
          inFlight = 0; // frames the server dropped are never answered: give them up, as the page does
          lastAnswerAt = System.nanoTime();
        }
        if (inFlight < 2) {
          inFlight++;
          socket.writeBinaryMessage(Buffer.buffer().appendUnsignedInt(nextId).appendBytes(frames.get(nextId)));
          nextId++;
        }
      });
    }

    void stop() {
      vertx.cancelTimer(timer);
      socket.close();
    }
  }
}
