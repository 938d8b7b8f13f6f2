package dev.livelens.library.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.ApiClient;
import dev.livelens.testing.PacedFilter;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The queue's limit holds when requests come all at once: a slot is taken before the job's rows are written. */
class JobBurstTest {

  private static final int BURST = 45;

  @Test
  void fortyFiveProcessJobsAtOnceQueueNoMoreThanTheLimit() throws Exception {
    Path files = TempDirs.create("livelens-burst-");
    ExecutorService pool = Executors.newFixedThreadPool(BURST);
    try (TestServer server = TestServer.start(PacedFilter.catalog(), "--workers", "1")) {
      ApiClient api = new ApiClient(server.port());
      String source = TestVideos.add(server, TestVideos.make(files, "clip.mp4", 2), "Clip").id();
      CountDownLatch go = new CountDownLatch(1);
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < BURST; i++) {
        answers.add(CompletableFuture.supplyAsync(() -> {
          try {
            go.await();
            return api.send("POST", "/api/videos/" + source + "/process", "{\"filter\":\"paced\"}");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }, pool));
      }
      go.countDown();
      int accepted = 0;
      for (CompletableFuture<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.join();
        if (response.statusCode() == 202) {
          accepted++;
        } else {
          assertEquals(503, response.statusCode(), response.body());
          assertEquals("busy", new JsonObject(response.body()).getString("error"));
        }
      }
      long queued = api.json("/api/jobs").getJsonArray("jobs").stream()
          .filter(job -> "queued".equals(((JsonObject) job).getString("state"))).count();
      assertTrue(queued <= LibraryJobs.MAX_QUEUED, queued + " jobs queued");
      assertTrue(accepted <= LibraryJobs.MAX_QUEUED + LibraryJobs.CONCURRENCY, accepted + " jobs accepted");
      assertTrue(accepted >= LibraryJobs.MAX_QUEUED, "only " + accepted + " jobs accepted");
    } finally {
      pool.shutdownNow();
      TempDirs.delete(files);
    }
  }
}
