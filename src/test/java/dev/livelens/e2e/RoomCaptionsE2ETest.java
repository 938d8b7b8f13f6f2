package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.livelens.testing.RoomClient;
import dev.livelens.testing.TestAccounts;
import dev.livelens.testing.TestAccounts.Person;
import dev.livelens.testing.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Live captions in a room, in two Chromiums: the speaker (whose fake microphone plays recorded English
 * speech) switches Captions on, and the other member sees the speaker's words under the speaker's tile,
 * not under their own.
 */
@BrowserTest
class RoomCaptionsE2ETest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCameraAndSpeech().withServerFlags("--transcribe-threads", "1")
      .expectingConsoleErrors(error -> error.contains("/api/me") && error.contains("401")
          || error.contains("A VideoFrame was garbage collected"));

  private static void openRoom(Browser browser, Person person, String room, int members) {
    AccountPage account = new AccountPage(browser).openSignedOut(fixture.url("/account"));
    account.logIn(person.name(), TestAccounts.PASSWORD);
    account.awaitState("signed-in");
    browser.open(fixture.url("/rooms/" + room));
    browser.await(members + " members in the room", PATIENCE,
        () -> browser.js("return document.querySelector('main').dataset.members;"), String.valueOf(members)::equals);
  }

  private static String captionUnder(Browser browser, String tile) {
    return (String) browser.js("const c = document.querySelector(arguments[0] + ' .tile-caption');"
        + "return c && !c.hidden ? c.textContent : '';", tile);
  }

  @Test
  void theOtherMemberSeesTheSpeakersCaptionsUnderTheSpeakersTile() {
    Person speaker = TestAccounts.signUp(fixture.server(), "speaker");
    Person listener = TestAccounts.signUp(fixture.server(), "listener");
    Browser other = Browser.withCameraAndMicrophone(FakeCamera.y4m(),
        TestMedia.wav(Path.of("target", "fake-camera", "tone-20s.wav"), 20));
    try (RoomClient host = RoomClient.connect(fixture.server().vertx, fixture.server().port(), speaker.cookie(),
        null)) {
      host.next("welcome");
      host.send("create", "name", "Captioned room");
      String room = host.next("created").getJsonObject("room").getString("id");
      host.send("join", "room", room);
      host.next("joined");
      openRoom(fixture.browser, speaker, room, 1);
      openRoom(other, listener, room, 2);

      fixture.browser.driver.findElement(By.id("captions-toggle")).click();
      other.await("the speaker's words under the speaker's tile", PATIENCE,
          () -> captionUnder(other, "figure[data-member='" + speaker.id() + "']"),
          text -> LiveCaptionsE2ETest.SAID.stream().filter(text::contains).count() >= 2);
      assertEquals("", captionUnder(other, "#self-tile"), "nothing under the listener's own tile");
      fixture.browser.await("the speaker sees their own captions too", PATIENCE,
          () -> captionUnder(fixture.browser, "#self-tile"), text -> !text.isEmpty());
    } finally {
      other.close();
    }
  }
}
