package dev.livelens.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.NodeProcess;
import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TestImages;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The worst socket patterns one address can send, against a real node with a 1 GB heap (what grows is mostly
 * the heap expanding under the bytes read, up to -Xmx, so a node bounds its memory with -Xmx as deploy.md says):
 * many sockets each sending a huge frame but its last byte, many sending a fragmented message that never
 * ends, and hundreds of watch sockets. The node's resident memory must grow by less than 256 MB while a
 * stream from another address keeps getting its frames answered.
 */
class SocketMemoryTest {

  private static final long LIMIT_KB = 256 * 1024;
  private static final int HUGE_FRAME = 5_600_000;

  @Test
  void oneAddressCannotMakeTheNodeHoldMoreThan256Megabytes() throws Exception {
    Vertx vertx = Vertx.vertx();
    List<Socket> held = new ArrayList<>();
    ExecutorService senders = Executors.newFixedThreadPool(8);
    try (NodeProcess node = NodeProcess.start(List.of("-Xmx1g")).awaitHealthy()) {
      StreamClient normal = StreamClient.connect(vertx, node.port(), "/ws/stream?filter=gray", null, "127.0.0.2")
          .skipGreeting();
      byte[] frame = TestImages.faceFrame();
      normal.streamAtCameraPace(Duration.ofSeconds(2), frame, 1, m -> { });
      long before = rssKb(node);
      long peak = before;
      List<Future<?>> attacks = new ArrayList<>();
      for (String path : List.of("/ws/stream", "/ws/watch", "/ws/analytics?video=" + "a".repeat(16), "/ws/metrics")) {
        for (int i = 0; i < 70; i++) {
          attacks.add(senders.submit(() -> hugeFrameButItsLastByte(node.port(), path, held)));
        }
      }
      for (int i = 0; i < 70; i++) {
        attacks.add(senders.submit(() -> endlessFragments(node.port(), "/ws/stream", held)));
      }
      for (int i = 0; i < 300; i++) {
        attacks.add(senders.submit(() -> open(node.port(), "/ws/watch", held)));
      }
      long answered = 0;
      while (!attacks.stream().allMatch(Future::isDone)) {
        answered += normal.streamAtCameraPace(Duration.ofMillis(500), frame, 1000 + answered * 2, m -> { });
        peak = Math.max(peak, rssKb(node));
      }
      for (int i = 0; i < 6; i++) { // the sockets stay open: what they made the node hold stays held
        answered += normal.streamAtCameraPace(Duration.ofMillis(500), frame, 100_000 + i * 1000, m -> { });
        peak = Math.max(peak, rssKb(node));
      }
      System.out.printf("RSS before %d MB, peak %d MB; %d frames answered meanwhile%n", before / 1024, peak / 1024,
          answered);
      assertTrue(peak - before < LIMIT_KB, "resident memory grew by " + (peak - before) / 1024 + " MB");
      assertTrue(answered > 30, "the normal stream got " + answered + " frames answered during the attack");
      normal.close();
    } finally {
      senders.shutdownNow();
      for (Socket socket : held) {
        socket.close();
      }
      vertx.close().await();
    }
  }

  private static long rssKb(NodeProcess node) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(node.process().pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS");
  }

  /** A socket upgraded by hand, kept open until the test ends; null when the node refused the upgrade. */
  private static OutputStream open(int port, String path, List<Socket> held) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    synchronized (held) {
      held.add(socket);
    }
    OutputStream out = socket.getOutputStream();
    out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.append((char) b);
    }
    return head.toString().startsWith("HTTP/1.1 101") ? out : null;
  }

  /** One frame announcing {@code HUGE_FRAME} bytes, all sent but the last. */
  private static Void hugeFrameButItsLastByte(int port, String path, List<Socket> held) {
    try {
      OutputStream out = open(port, path, held);
      if (out != null) {
        out.write(header(0x82, HUGE_FRAME));
        writeZeros(out, HUGE_FRAME - 1);
      }
    } catch (IOException closedByTheNode) {
      // refused: what the node should do
    }
    return null;
  }

  /** A binary message of many 200 KB fragments whose last never comes. */
  private static Void endlessFragments(int port, String path, List<Socket> held) {
    try {
      OutputStream out = open(port, path, held);
      for (int i = 0; out != null && i < 27; i++) {
        out.write(header(i == 0 ? 0x02 : 0x00, 200_000));
        writeZeros(out, 200_000);
      }
    } catch (IOException closedByTheNode) {
      // refused
    }
    return null;
  }

  /** A masked frame's header with a zero mask (so the payload goes as it is). */
  private static byte[] header(int first, long length) {
    byte[] header = new byte[14];
    header[0] = (byte) first;
    header[1] = (byte) (0x80 | 127);
    for (int i = 0; i < 8; i++) {
      header[2 + i] = (byte) (length >>> (56 - 8 * i));
    }
    return header;
  }

  private static void writeZeros(OutputStream out, int count) throws IOException {
    byte[] chunk = new byte[64 * 1024];
    for (int left = count; left > 0; left -= chunk.length) {
      out.write(chunk, 0, Math.min(left, chunk.length));
    }
    out.flush();
  }
}
