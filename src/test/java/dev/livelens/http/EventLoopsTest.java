package dev.livelens.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TestImages;
import dev.livelens.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Several HTTP verticles on one port: connections spread over their event loops, and the limits stay exact. */
class EventLoopsTest {

  /** Another client on loopback: the server counts connections per address. */
  private static final String OTHER_ADDRESS = "127.0.0.2";

  @Test
  void connectionsSpreadOverTheEventLoopsAndEachIsServed() throws Exception {
    try (TestServer server = TestServer.start("--event-loops", "2", "--workers", "1")) {
      List<StreamClient> clients = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        clients.add(server.connect("/ws/stream?filter=gray").skipGreeting());
      }
      List<Integer> spread = server.server.streamsPerEventLoop();
      assertEquals(2, spread.size(), "one HTTP verticle per event loop asked for");
      assertEquals(8, spread.stream().mapToInt(Integer::intValue).sum(), "every connection counted once: " + spread);
      assertTrue(spread.stream().allMatch(n -> n > 0), "both event loops took connections: " + spread);
      byte[] jpeg = TestImages.faceFrame();
      for (int i = 0; i < clients.size(); i++) {
        clients.get(i).sendFrame(i, jpeg);
        assertEquals(i, clients.get(i).next("image").id());
      }
      for (int i = 0; i < 20; i++) {
        assertEquals(200, server.get("/api/filters").status(), "request " + i);
      }
      clients.forEach(StreamClient::close);
    }
  }

  /**
   * One address at its own limit keeps trying while another fills the server up to its total, all at
   * once from several threads over three event loops: every attempt of the first is refused, exactly as
   * many of the second are admitted as the total leaves room for, and the one after is refused.
   */
  @Test
  void limitsHoldExactlyUnderConcurrentConnectsOverSeveralEventLoops() throws Exception {
    int maxTotal = 12;
    int perAddress = 6;
    try (TestServer server = TestServer.start("--event-loops", "3", "--max-connections", String.valueOf(maxTotal),
        "--max-connections-per-address", String.valueOf(perAddress))) {
      List<StreamClient> held = new ArrayList<>();
      for (int i = 0; i < perAddress; i++) {
        held.add(server.connect().skipGreeting());
      }
      List<Callable<Attempt>> attempts = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        attempts.add(() -> Attempt.of(server, null));
      }
      for (int i = 0; i <= maxTotal - perAddress; i++) {
        attempts.add(() -> Attempt.of(server, OTHER_ADDRESS));
      }
      ExecutorService threads = Executors.newFixedThreadPool(6);
      List<Attempt> outcomes = new ArrayList<>();
      try {
        for (Future<Attempt> outcome : threads.invokeAll(attempts)) {
          outcomes.add(outcome.get());
        }
      } finally {
        threads.shutdown();
      }
      assertEquals(0, admitted(outcomes, null), "the address at its limit got nothing more");
      assertEquals(maxTotal - perAddress, admitted(outcomes, OTHER_ADDRESS), "the other filled the rest exactly");
      for (Attempt refused : outcomes.stream().filter(a -> !a.admitted()).toList()) {
        assertEquals((short) 1013, refused.client().closeStatus.get(5, TimeUnit.SECONDS));
      }
      assertEquals(maxTotal, server.server.streamsPerEventLoop().stream().mapToInt(Integer::intValue).sum());

      StreamClient leaving = outcomes.stream().filter(Attempt::admitted).findFirst().orElseThrow().client();
      leaving.close();
      awaitStreams(server, maxTotal - 1);
      try (StreamClient again = StreamClient.connect(server.vertx, server.port(), "/ws/stream", null, OTHER_ADDRESS)) {
        again.skipGreeting();
      }
      outcomes.forEach(attempt -> attempt.client().close());
      held.forEach(StreamClient::close);
    }
  }

  private record Attempt(String from, StreamClient client, boolean admitted) {
    static Attempt of(TestServer server, String from) {
      StreamClient client = StreamClient.connect(server.vertx, server.port(), "/ws/stream", null, from);
      String first = client.next().type();
      assertTrue(first.equals("hello") || first.equals("error"), first);
      return new Attempt(from, client, first.equals("hello"));
    }
  }

  private static long admitted(List<Attempt> outcomes, String from) {
    return outcomes.stream().filter(a -> a.admitted() && java.util.Objects.equals(a.from(), from)).count();
  }

  private static void awaitStreams(TestServer server, int open) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.server.streamsPerEventLoop().stream().mapToInt(Integer::intValue).sum() != open
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(open, server.server.streamsPerEventLoop().stream().mapToInt(Integer::intValue).sum());
  }
}
