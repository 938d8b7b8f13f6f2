import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Upload throughput of the tus server: uploads of a known length sent chunk by chunk, each PATCH with its
 * sha256 checksum (the server hashes every byte), timed from the creation POST to the last answer.
 * The chunk's checksum is computed once before timing, so the client's own hashing does not count.
 * Each finished upload's video (random bytes, so it fails) is deleted to free the disk.
 *
 * java bench/tus/TusUpload.java PORT [MiB per upload, 512] [chunk KiB, 8192] [runs, 5]
 */
public final class TusUpload {

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    long total = (args.length > 1 ? Long.parseLong(args[1]) : 512) << 20;
    int chunkSize = (args.length > 2 ? Integer.parseInt(args[2]) : 8192) << 10;
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    byte[] chunk = new byte[chunkSize];
    new Random(1).nextBytes(chunk);
    String checksum = "sha256 " + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(chunk));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String base = "http://127.0.0.1:" + port;
    List<Double> rates = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      long start = System.nanoTime();
      HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/uploads"))
          .header("Tus-Resumable", "1.0.0").header("Upload-Length", String.valueOf(total))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      String upload = base + created.headers().firstValue("Location").orElseThrow();
      String video = null;
      for (long offset = 0; offset < total; offset += chunkSize) {
        HttpResponse<String> patched = http.send(HttpRequest.newBuilder(URI.create(upload))
            .header("Tus-Resumable", "1.0.0").header("Content-Type", "application/offset+octet-stream")
            .header("Upload-Offset", String.valueOf(offset)).header("Upload-Checksum", checksum)
            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(chunk)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (patched.statusCode() != 204) {
          throw new IllegalStateException("PATCH answered " + patched.statusCode() + " " + patched.body());
        }
        video = patched.headers().firstValue("Livelens-Video-Id").orElse(null);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double rate = total / 1e6 / seconds;
      rates.add(rate);
      System.out.printf("run %d: %d MiB in %.2f s = %.0f MB/s%n", run + 1, total >> 20, seconds, rate);
      Thread.sleep(1000); // the server moves the file and FFmpeg refuses it: let that pass before deleting
      http.send(HttpRequest.newBuilder(URI.create(base + "/api/videos/" + video)).DELETE().build(),
          HttpResponse.BodyHandlers.discarding());
    }
    Collections.sort(rates);
    System.out.printf("median of %d runs (%d KiB chunks): %.0f MB/s%n", runs, chunkSize >> 10, rates.get(runs / 2));
  }
}
