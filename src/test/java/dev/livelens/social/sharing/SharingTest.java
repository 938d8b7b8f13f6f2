package dev.livelens.social.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestVideos;
import dev.livelens.web.SecurityHeaders;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a shared link gets from the server: link preview tags on the watch page of a public or unlisted video
 * (escaped, with absolute URLs that work without a cookie) and none for a private one; the embeddable player
 * framable by any site, for public and unlisted videos only, while every other page stays unframable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharingTest {

  private static final String TITLE = "Tom & \"Jerry\" <script>alert(1)</script>";
  private TestServer server;
  private Path files;
  private Path clip;

  @BeforeAll
  void start() {
    files = TempDirs.create("livelens-sharing-");
    clip = TestVideos.make(files, "clip.mp4", 3);
    server = TestServer.start("--workers", "1");
  }

  @AfterAll
  void stop() {
    server.close();
    TempDirs.delete(files);
  }

  private String video(String visibility) {
    String id = TestVideos.add(server, clip, TITLE, 7L).id();
    server.server.library().orElseThrow().videos().changeVisibility(id, visibility).await();
    return id;
  }

  private static String meta(String html, String name) {
    Matcher m = Pattern.compile("<meta (?:property|name)=\"" + Pattern.quote(name) + "\" content=\"([^\"]*)\">")
        .matcher(html);
    return m.find() ? m.group(1) : null;
  }

  @Test
  void aPublicVideosPageUnfurlsWithItsTitlePosterAndLength() throws Exception {
    String id = video("public");
    TestServer.Response page = server.get("/watch/" + id);
    assertEquals(200, page.status());
    assertTrue(page.contentType().startsWith("text/html"));
    String html = page.body();
    assertEquals("Tom &amp; &quot;Jerry&quot; &lt;script&gt;alert(1)&lt;/script&gt;", meta(html, "og:title"));
    assertFalse(html.contains("<script>alert(1)"), "the title never appears as markup");
    String origin = "http://127.0.0.1:" + server.port();
    assertEquals(origin + "/watch/" + id, meta(html, "og:url"));
    assertEquals("3", meta(html, "video:duration"));
    assertEquals(origin + "/embed/" + id, meta(html, "twitter:player"));
    assertEquals("player", meta(html, "twitter:card"));
    for (String media : new String[] {meta(html, "og:image"), meta(html, "og:video")}) {
      assertTrue(media.startsWith(origin + "/api/videos/" + id + "/"), media);
      assertEquals(200, server.get(media.substring(origin.length())).status(), "fetched without a cookie: " + media);
    }
    assertTrue(html.contains("id=\"comments\""), "the same watch page, with its tags");
  }

  @Test
  void anUnlistedVideosTagsCarrySignedLinksAndKeepSearchEnginesAway() throws Exception {
    String id = video("unlisted");
    String html = server.get("/watch/" + id).body();
    String origin = "http://127.0.0.1:" + server.port();
    String poster = meta(html, "og:image").replace("&amp;", "&");
    assertTrue(poster.contains("?t="), poster);
    assertEquals(200, server.get(poster.substring(origin.length())).status());
    assertEquals("noindex", meta(html, "robots"));
  }

  @Test
  void aPrivateVideosPageSaysNothingOfIt() throws Exception {
    String id = video("private");
    String html = server.get("/watch/" + id).body();
    assertFalse(html.contains("og:"), "no preview tags");
    assertFalse(html.contains("Jerry"), "not even its title");
    assertEquals(html, server.get("/watch/AAAAAAAAAAAAAAAA").body(), "the same page as for a video that does not exist");
  }

  @Test
  void theEmbeddedPlayerIsFramableAndEveryOtherPageIsNot() throws Exception {
    for (String visibility : new String[] {"public", "unlisted"}) {
      TestServer.Response embed = server.get("/embed/" + video(visibility));
      assertEquals(200, embed.status(), visibility);
      assertEquals(SecurityHeaders.FRAMABLE_CONTENT_SECURITY_POLICY, embed.header("Content-Security-Policy"));
      assertTrue(embed.header("Content-Security-Policy").contains("frame-ancestors *"));
      assertEquals("", embed.header("X-Frame-Options"));
      assertTrue(embed.body().contains("/js/embed.js"));
    }
    TestServer.Response refused = server.get("/embed/" + video("private"));
    assertEquals(404, refused.status());
    assertEquals("not_found", new JsonObject(refused.body()).getString("error"));
    assertEquals("DENY", refused.header("X-Frame-Options"), "a refusal is not framable either");
    for (String path : new String[] {"/watch/" + video("public"), "/", "/library", "/embed.html",
        "/api/videos"}) {
      TestServer.Response other = server.get(path);
      assertEquals(SecurityHeaders.CONTENT_SECURITY_POLICY, other.header("Content-Security-Policy"), path);
      assertTrue(other.header("Content-Security-Policy").contains("frame-ancestors 'none'"), path);
      assertEquals("DENY", other.header("X-Frame-Options"), path);
    }
  }
}
