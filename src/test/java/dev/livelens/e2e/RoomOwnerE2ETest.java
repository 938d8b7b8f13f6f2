package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.livelens.testing.RoomClient;
import dev.livelens.testing.TestAccounts;
import dev.livelens.testing.TestAccounts.Person;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * A room's owner in Chromium sees "Remove" on the other members' tiles and "Close the room for everyone";
 * a member sees neither, and is told "You were removed from the room." when the owner removes them (the
 * page does not reconnect), and "The room was closed by its owner." when it is closed.
 */
@BrowserTest
class RoomOwnerE2ETest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  @RegisterExtension
  static final PageFixture fixture = PageFixture.withCameraAndMicrophone().expectingConsoleErrors(error ->
      error.contains("/api/me") && error.contains("401") || error.contains("A VideoFrame was garbage collected"));

  private void signIn(Person person) {
    AccountPage account = new AccountPage(fixture.browser).openSignedOut(fixture.url("/account"));
    account.logIn(person.name(), TestAccounts.PASSWORD);
    account.awaitState("signed-in");
  }

  private RoomClient socket(Person person) {
    RoomClient client = RoomClient.connect(fixture.server().vertx, fixture.server().port(), person.cookie(), null);
    client.next("welcome");
    return client;
  }

  private static String create(RoomClient owner) {
    owner.send("create", "name", "Owner's room");
    return owner.next("created").getJsonObject("room").getString("id");
  }

  private static void join(RoomClient client, String room) {
    client.send("join", "room", room);
    client.next("joined");
  }

  private void openRoom(String room, int members) {
    fixture.browser.open(fixture.url("/rooms/" + room));
    fixture.browser.await("the room with " + members + " members", PATIENCE,
        () -> fixture.browser.js("return document.querySelector('main').dataset.members;"),
        String.valueOf(members)::equals);
  }

  private String roomMessage() {
    return (String) fixture.browser.js("return document.getElementById('room-message').textContent;");
  }

  @Test
  void theOwnerRemovesAMemberAndClosesTheRoomFromThePage() throws Exception {
    Person owner = TestAccounts.signUp(fixture.server(), "host");
    Person member = TestAccounts.signUp(fixture.server(), "member");
    try (RoomClient ownerSocket = socket(owner); RoomClient memberSocket = socket(member)) {
      String room = create(ownerSocket);
      join(memberSocket, room);
      signIn(owner);
      openRoom(room, 2);
      assertEquals(Boolean.FALSE, fixture.browser.js("return document.getElementById('close-room').hidden;"));
      fixture.browser.await("a Remove button on the member's tile", PATIENCE, () -> fixture.browser.js(
          "return document.querySelectorAll('figure[data-member] button.remove-member').length;"),
          count -> ((Number) count).intValue() == 1);
      fixture.browser.driver.findElement(By.cssSelector("figure[data-member='" + member.id()
          + "'] button.remove-member")).click();
      assertEquals((short) 4403, memberSocket.closeStatus.get(20, TimeUnit.SECONDS));
      fixture.browser.await("the member gone", PATIENCE,
          () -> fixture.browser.js("return document.querySelector('main').dataset.members;"), "1"::equals);

      fixture.browser.driver.findElement(By.id("close-room")).click();
      fixture.browser.await("the page saying so", PATIENCE, this::roomMessage,
          text -> text.startsWith("The room was closed by its owner."));
    }
  }

  @Test
  void aMemberSeesNoOwnersControlsAndIsToldWhenRemoved() throws Exception {
    Person owner = TestAccounts.signUp(fixture.server(), "host");
    Person member = TestAccounts.signUp(fixture.server(), "member");
    try (RoomClient ownerSocket = socket(owner)) {
      String room = create(ownerSocket);
      join(ownerSocket, room);
      signIn(member);
      openRoom(room, 2);
      assertEquals(Boolean.TRUE, fixture.browser.js("return document.getElementById('close-room').hidden;"));
      assertEquals(0L, fixture.browser.js("return document.querySelectorAll('button.remove-member').length;"));

      HttpResponse<String> removed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
          fixture.url("/api/rooms/" + room + "/members/" + member.id()))).header("Cookie", owner.cookie())
          .DELETE().build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(204, removed.statusCode(), removed.body());
      fixture.browser.await("the page saying so", PATIENCE, this::roomMessage,
          text -> text.startsWith("You were removed from the room."));
      fixture.browser.await("no reconnecting", PATIENCE,
          () -> fixture.browser.js("return document.querySelector('main').dataset.state;"), "ended"::equals);
    }
  }
}
