package dev.livelens.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.livelens.testing.OnDatabase;
import dev.livelens.testing.RoomClient;
import dev.livelens.testing.TestAccounts;
import dev.livelens.testing.TestAccounts.Person;
import dev.livelens.testing.TestDatabase;
import dev.livelens.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A room's owner closes it and removes a member, over HTTP, and the members' sockets are closed with a code
 * and reason saying so; a member, another person, a guest and a visitor are refused and nothing changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoomOwnerTest implements OnDatabase {

  private final HttpClient http = HttpClient.newHttpClient();
  private TestDatabase database;
  private TestServer server;
  private final List<RoomClient> clients = new ArrayList<>();

  @BeforeAll
  void start() {
    database = database();
    server = TestServer.start(database.serverFlags());
  }

  @AfterAll
  void stop() {
    server.close();
    database.close();
  }

  @AfterEach
  void closeClients() {
    clients.forEach(RoomClient::close);
    clients.clear();
  }

  private RoomClient inRoom(Person person, String room) {
    RoomClient client = RoomClient.connect(server.vertx, server.port(), person.cookie(), null);
    clients.add(client);
    client.next("welcome");
    if (room != null) {
      client.send("join", "room", room);
      client.next("joined");
    }
    return client;
  }

  private String createRoom(Person owner) {
    RoomClient socket = inRoom(owner, null);
    socket.send("create", "name", "Owner's room");
    String room = socket.next("created").getJsonObject("room").getString("id");
    socket.send("join", "room", room);
    socket.next("joined");
    return room;
  }

  /** The error code a new socket of {@code person} gets when it asks to join {@code room}. */
  private String refusedJoin(Person person, String room) {
    RoomClient socket = inRoom(person, null);
    socket.send("join", "room", room);
    return socket.next("error").getString("code");
  }

  private HttpResponse<String> delete(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .DELETE();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void refused(HttpResponse<String> response, int status, String code) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(code, new JsonObject(response.body()).getString("error"), response.body());
  }

  private int members(Person someone, String room) {
    try (RoomClient look = RoomClient.connect(server.vertx, server.port(), someone.cookie(), null)) {
      look.next("welcome");
      look.send("join", "room", room);
      int count = look.next("joined").getJsonObject("room").getJsonArray("members").size();
      look.send("leave");
      look.next("left");
      return count;
    }
  }

  @Test
  void theOwnerClosesTheRoomAndEveryMembersSocketIsClosedSayingSo() throws Exception {
    Person owner = TestAccounts.signUp(server, "host");
    Person guest = TestAccounts.signUp(server, "member");
    String room = createRoom(owner);
    RoomClient member = inRoom(guest, room);

    assertEquals(204, delete("/api/rooms/" + room, owner.cookie()).statusCode());
    assertEquals("closed", member.next("ended").getString("reason"));
    assertEquals((short) 4410, member.closeStatus.get(10, TimeUnit.SECONDS));
    assertEquals("unknown_room", refusedJoin(guest, room), "the room is gone");
  }

  @Test
  void theOwnerRemovesAMemberWhoseSocketIsClosedAndWhoCannotComeBack() throws Exception {
    Person owner = TestAccounts.signUp(server, "host");
    Person pat = TestAccounts.signUp(server, "pat");
    Person sam = TestAccounts.signUp(server, "sam");
    String room = createRoom(owner);
    RoomClient patSocket = inRoom(pat, room);
    RoomClient samSocket = inRoom(sam, room);

    assertEquals(204, delete("/api/rooms/" + room + "/members/" + pat.id(), owner.cookie()).statusCode());
    patSocket.next("removed");
    assertEquals((short) 4403, patSocket.closeStatus.get(10, TimeUnit.SECONDS));
    samSocket.next(m -> "room".equals(m.getString("type")) && m.getJsonObject("room").getJsonArray("members")
        .size() == 2, "the others see pat gone");
    assertEquals("removed", refusedJoin(pat, room), "pat may not come back");
  }

  @Test
  void nobodyButTheOwnerMayCloseARoomOrRemoveSomeoneAndNothingChanges() throws Exception {
    Person owner = TestAccounts.signUp(server, "host");
    Person member = TestAccounts.signUp(server, "member");
    Person stranger = TestAccounts.signUp(server, "stranger");
    String room = createRoom(owner);
    RoomClient memberSocket = inRoom(member, room);

    for (String cookie : new String[] {member.cookie(), stranger.cookie()}) {
      refused(delete("/api/rooms/" + room, cookie), 403, "forbidden");
      refused(delete("/api/rooms/" + room + "/members/" + owner.id(), cookie), 403, "forbidden");
      refused(delete("/api/rooms/" + room + "/members/" + member.id(), cookie), 403, "forbidden");
    }
    refused(delete("/api/rooms/" + room, null), 401, "not_signed_in");
    refused(delete("/api/rooms/" + room + "/members/" + member.id(), null), 401, "not_signed_in");
    refused(delete("/api/rooms/AAAAAAAAAAAAAAAAAAAAAA", owner.cookie()), 404, "not_found");
    refused(delete("/api/rooms/" + room + "/members/" + stranger.id(), owner.cookie()), 404, "not_found");

    assertEquals(2, members(stranger, room) - 1, "the owner and the member are still in the room");
    memberSocket.send("say", "text", "still here");
    assertEquals("still here", memberSocket.next("chat").getString("text"));
  }
}
