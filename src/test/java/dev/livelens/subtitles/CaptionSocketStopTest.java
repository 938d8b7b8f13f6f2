package dev.livelens.subtitles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.livelens.testing.StreamClient;
import dev.livelens.testing.TestServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A node that stops tells its open captions sockets it is going away (1001), as it tells streams and rooms. */
class CaptionSocketStopTest {

  @Test
  void anOpenCaptionsSocketIsToldTheNodeIsGoingAway() throws Exception {
    TestServer server = TestServer.start("--transcribe-threads", "1");
    try {
      StreamClient captions = StreamClient.connect(server.vertx, server.port(), "/ws/captions", null);
      server.server.stop(7_500).await();
      assertEquals((short) 1001, captions.closeStatus.get(10, TimeUnit.SECONDS));
    } finally {
      server.close();
    }
  }
}
