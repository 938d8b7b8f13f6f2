import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Uploads one file over tus (8 MiB PATCHes, each with its sha256), streamed from disk, then waits for its
 * library video to be ready. Meanwhile samples the server's resident memory (VmRSS of the pid given).
 * Prints one line: file, MB, MB/s, seconds from last byte to ready, status, RSS before / max while
 * uploading / max while packaging (MB).
 *   java bench/tus/UploadFile.java PORT SERVER_PID FILE
 */
public final class UploadFile {

  private static final int CHUNK = 8 << 20;

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    long pid = Long.parseLong(args[1]);
    Path file = Path.of(args[2]);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String base = "http://127.0.0.1:" + port;
    long size = Files.size(file);
    Rss rss = new Rss(pid);
    long before = rss.now();
    rss.start();
    String name = Base64.getEncoder().encodeToString(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/uploads"))
        .header("Tus-Resumable", "1.0.0").header("Upload-Length", String.valueOf(size))
        .header("Upload-Metadata", "filename " + name).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) {
      throw new IllegalStateException("creation answered " + created.statusCode() + " " + created.body());
    }
    String location = base + created.headers().firstValue("Location").orElseThrow();
    long t0 = System.nanoTime();
    String video = null;
    byte[] chunk = new byte[CHUNK];
    try (InputStream in = Files.newInputStream(file)) {
      for (long offset = 0; offset < size; ) {
        int n = in.readNBytes(chunk, 0, CHUNK);
        byte[] body = n == CHUNK ? chunk : java.util.Arrays.copyOf(chunk, n);
        String sum = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        HttpResponse<String> patched = http.send(HttpRequest.newBuilder(URI.create(location))
            .header("Tus-Resumable", "1.0.0").header("Content-Type", "application/offset+octet-stream")
            .header("Upload-Offset", String.valueOf(offset)).header("Upload-Checksum", "sha256 " + sum)
            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (patched.statusCode() != 204) {
          throw new IllegalStateException("PATCH answered " + patched.statusCode() + " " + patched.body());
        }
        offset += n;
        video = patched.headers().firstValue("Livelens-Video-Id").orElse(null);
      }
    }
    double uploadSeconds = (System.nanoTime() - t0) / 1e9;
    long uploadMax = rss.takeMax();
    long t1 = System.nanoTime();
    String status;
    while (true) {
      String json = http.send(HttpRequest.newBuilder(URI.create(base + "/api/videos/" + video)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      status = json.replaceAll(".*\"status\":\"([a-z]+)\".*", "$1");
      if (!"processing".equals(status)) {
        break;
      }
      Thread.sleep(100);
    }
    double packSeconds = (System.nanoTime() - t1) / 1e9;
    long packMax = rss.takeMax();
    rss.interrupt();
    System.out.printf("%s %.0f MB: %.0f MB/s, ready in %.1f s (%s); RSS %d MB before, max %d uploading, max %d packaging%n",
        file.getFileName(), size / 1e6, size / 1e6 / uploadSeconds, packSeconds, status, before >> 20, uploadMax >> 20,
        packMax >> 20);
  }

  /** The server's VmRSS every 100 ms, its maximum since last taken. */
  static final class Rss extends Thread {
    private final Path status;
    private final AtomicLong max = new AtomicLong();

    Rss(long pid) {
      this.status = Path.of("/proc/" + pid + "/status");
      setDaemon(true);
    }

    long now() throws IOException {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) << 10;
        }
      }
      return 0;
    }

    long takeMax() throws IOException {
      return Math.max(max.getAndSet(0), now());
    }

    @Override
    public void run() {
      try {
        while (!isInterrupted()) {
          long value = now();
          max.accumulateAndGet(value, Math::max);
          Thread.sleep(100);
        }
      } catch (IOException | InterruptedException e) {
        // the run is over
      }
    }
  }
}
