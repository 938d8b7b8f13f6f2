package dev.livelens.rooms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.testing.OnDatabase;
import dev.livelens.testing.RoomClient;
import dev.livelens.testing.TestDatabase;
import dev.livelens.testing.TestServer;
import dev.livelens.testing.TestAccounts;
import dev.livelens.testing.TestAccounts.Person;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The rooms socket over real sockets: who may connect, presence, chat, membership, calls and voice. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoomsSocketTest implements OnDatabase {

  private TestDatabase database;
  private TestServer server;
  private final List<RoomClient> clients = new ArrayList<>();

  @BeforeAll
  void start() {
    database = database();
    server = TestServer.start(database.serverFlags("--max-room-size", "3", "--max-rooms-per-user", "2"));
  }

  @AfterAll
  void stop() {
    server.close();
    database.close();
  }

  @AfterEach
  void closeClients() {
    clients.forEach(RoomClient::close);
  }

  private RoomClient connect(Person person) {
    RoomClient client = RoomClient.connect(server.vertx, server.port(), person.cookie(), null);
    clients.add(client);
    client.next("welcome");
    return client;
  }

  private static String createRoom(RoomClient owner, String name) {
    owner.send("create", "name", name);
    return owner.next("created").getJsonObject("room").getString("id");
  }

  private static JsonObject join(RoomClient client, String room) {
    client.send("join", "room", room);
    return client.next(m -> "joined".equals(m.getString("type")) || "error".equals(m.getString("type")),
        "an answer to join");
  }

  private static Predicate<JsonObject> presenceWhere(Predicate<JsonArray> people) {
    return m -> "presence".equals(m.getString("type")) && people.test(m.getJsonArray("people"));
  }

  private static boolean hasName(JsonArray people, String name) {
    return people.stream().anyMatch(p -> name.equals(((JsonObject) p).getString("name")));
  }

  @Test
  void anUpgradeWithoutASessionIsRefusedWith401() {
    UpgradeRejectedException refused = assertThrows(UpgradeRejectedException.class,
        () -> RoomClient.connect(server.vertx, server.port(), null, null));
    assertEquals(401, refused.getStatus());
  }

  @Test
  void anUpgradeFromAForeignPageIsRefusedWith403EvenWithASession() {
    Person ann = TestAccounts.signUp(server, "ann");
    UpgradeRejectedException refused = assertThrows(UpgradeRejectedException.class,
        () -> RoomClient.connect(server.vertx, server.port(), ann.cookie(), "https://evil.example"));
    assertEquals(403, refused.getStatus());
  }

  @Test
  void peopleSeeWhoIsOnlineAndSomeoneWhoClosesEveryTabGoesOffline() {
    Person ann = TestAccounts.signUp(server, "ann");
    Person bob = TestAccounts.signUp(server, "bob");
    RoomClient annSocket = connect(ann);
    RoomClient bobTab1 = connect(bob);
    RoomClient bobTab2 = connect(bob);
    annSocket.next(presenceWhere(people -> hasName(people, bob.name()) && hasName(people, ann.name())),
        "ann and bob online");
    bobTab1.close();
    bobTab2.next(presenceWhere(people -> hasName(people, bob.name())), "bob still online with one tab");
    long closed = System.nanoTime();
    bobTab2.close();
    annSocket.next(presenceWhere(people -> !hasName(people, bob.name())), "bob offline");
    assertTrue(System.nanoTime() - closed < Duration.ofSeconds(3).toNanos(), "offline within 3 s");
  }

  @Test
  void someoneWhoLeavesARoomAndClosesAtOnceGoesOffline() {
    RoomClient ann = connect(TestAccounts.signUp(server, "ann"));
    Person zoePerson = TestAccounts.signUp(server, "zoe");
    RoomClient zoe = connect(zoePerson);
    String room = createRoom(zoe, "Brief");
    join(zoe, room);
    ann.next(presenceWhere(people -> hasName(people, zoePerson.name())), "zoe online");
    zoe.send("leave");
    zoe.close();
    ann.next(presenceWhere(people -> !hasName(people, zoePerson.name())), "zoe offline");
    assertNull(ann.pollTextOfType("presence", Duration.ofMillis(2500)), "zoe stays offline: nothing changes again");
  }

  @Test
  void roomChatReachesMembersOnlyWithItsHtmlKeptAsTextAndIsInTheHistory() {
    Person annPerson = TestAccounts.signUp(server, "ann");
    RoomClient ann = connect(annPerson);
    RoomClient bob = connect(TestAccounts.signUp(server, "bob"));
    RoomClient eve = connect(TestAccounts.signUp(server, "eve"));
    String room = createRoom(ann, "Kitchen");
    join(ann, room);
    join(bob, room);
    String html = "<img src=x onerror=alert(1)> <b>hi</b> & bye";
    ann.send("say", "text", html);
    JsonObject heard = bob.next("chat");
    assertEquals(html, heard.getString("text"));
    assertEquals(annPerson.name(), heard.getJsonObject("from").getString("name"));
    assertEquals(room, heard.getString("room"));
    assertEquals(html, ann.next("chat").getString("text"), "the sender sees its own message as sent");
    eve.send("say", "text", "let me in");
    assertEquals("not_member", eve.next("error").getString("code"));
    eve.send("history", "with", null);
    assertEquals("not_member", eve.next("error").getString("code"));
    assertNull(eve.pollTextOfType("chat", Duration.ofMillis(500)), "a non-member hears nothing");

    RoomClient bobLater = connect(TestAccounts.signUp(server, "carl"));
    join(bobLater, room);
    bobLater.send("history");
    JsonArray history = bobLater.next("history").getJsonArray("messages");
    assertEquals(html, history.getJsonObject(history.size() - 1).getString("text"));
  }

  @Test
  void aDirectMessageReachesBothPeopleAndTheirHistoryButNobodyElse() {
    Person annPerson = TestAccounts.signUp(server, "ann");
    Person bobPerson = TestAccounts.signUp(server, "bob");
    RoomClient ann = connect(annPerson);
    RoomClient bob = connect(bobPerson);
    RoomClient eve = connect(TestAccounts.signUp(server, "eve"));
    ann.send("dm", "to", bobPerson.id(), "text", "<script>x</script>");
    JsonObject got = bob.next("chat");
    assertEquals("<script>x</script>", got.getString("text"));
    assertEquals(bobPerson.id(), got.getLong("to"));
    assertEquals(annPerson.id(), ann.next("chat").getJsonObject("from").getLong("id"));
    bob.send("dm", "to", annPerson.id(), "text", "hello back");
    assertEquals("hello back", ann.next("chat").getString("text"));
    bob.send("history", "with", annPerson.id());
    JsonArray history = bob.next("history").getJsonArray("messages");
    assertEquals(List.of("<script>x</script>", "hello back"),
        history.stream().map(m -> ((JsonObject) m).getString("text")).toList());
    assertNull(eve.pollTextOfType("chat", Duration.ofMillis(300)));
  }

  @Test
  void aFullRoomRefusesTheNextPersonAndKeepsWorkingForItsMembers() {
    RoomClient ann = connect(TestAccounts.signUp(server, "ann"));
    RoomClient bob = connect(TestAccounts.signUp(server, "bob"));
    RoomClient carl = connect(TestAccounts.signUp(server, "carl"));
    RoomClient dora = connect(TestAccounts.signUp(server, "dora"));
    String room = createRoom(ann, "Small");
    join(ann, room);
    join(bob, room);
    join(carl, room);
    JsonObject refused = join(dora, room);
    assertEquals("room_full", refused.getString("code"), refused.encode());
    ann.send("say", "text", "still here");
    assertEquals("still here", carl.next("chat").getString("text"));
    assertNull(dora.pollTextOfType("chat", Duration.ofMillis(300)));
  }

  @Test
  void tooLongAndTooManyMessagesAreRefusedAndTheSocketStaysUsable() {
    RoomClient ann = connect(TestAccounts.signUp(server, "ann"));
    String room = createRoom(ann, "Talky");
    join(ann, room);
    ann.send("say", "text", "x".repeat(Chat.MAX_CHARS + 1));
    assertEquals("too_long", ann.next("error").getString("code"));
    for (int i = 0; i < ChatBudgets.BURST + 3; i++) {
      ann.send("say", "text", "message " + i);
    }
    ann.next(m -> "error".equals(m.getString("type")) && "rate_limited".equals(m.getString("code")), "rate_limited");
    ann.send("nonsense");
    ann.next(m -> "bad_message".equals(m.getString("code")), "bad_message");
    ann.send("create", "name", "Still works");
    ann.next("created");
  }

  @Test
  void aCallRingsTheOtherPersonWhoDeclinesOrAcceptsAndEitherSideEndsIt() {
    Person annPerson = TestAccounts.signUp(server, "ann");
    Person bobPerson = TestAccounts.signUp(server, "bob");
    RoomClient ann = connect(annPerson);
    RoomClient bob = connect(bobPerson);
    RoomClient eve = connect(TestAccounts.signUp(server, "eve"));

    ann.send("call", "to", bobPerson.id());
    String first = ann.next("calling").getString("room");
    JsonObject ringing = bob.next("incoming");
    assertEquals(first, ringing.getString("room"));
    assertEquals(annPerson.name(), ringing.getJsonObject("from").getString("name"));
    bob.send("decline", "room", first);
    assertEquals(bobPerson.name(), ann.next("declined").getJsonObject("by").getString("name"));

    ann.send("call", "to", bobPerson.id());
    String call = ann.next("calling").getString("room");
    join(ann, call);
    assertEquals("not_invited", join(eve, call).getString("code"));
    bob.next(m -> "incoming".equals(m.getString("type")) && call.equals(m.getString("room")), "the second call");
    join(bob, call);
    bob.send("leave");
    // The declined call's own "ended" may still be on its way: wait for this call's.
    ann.next(m -> "ended".equals(m.getString("type")) && call.equals(m.getString("room")), "the call ended");
  }

  @Test
  void voiceReachesTheOtherMembersTaggedWithTheSpeakerAndNobodyElse() {
    Person annPerson = TestAccounts.signUp(server, "ann");
    RoomClient ann = connect(annPerson);
    RoomClient bob = connect(TestAccounts.signUp(server, "bob"));
    RoomClient eve = connect(TestAccounts.signUp(server, "eve"));
    String room = createRoom(ann, "Voices");
    join(ann, room);
    join(bob, room);
    byte[] chunk = {9, 8, 7, 6, 5};
    ann.sendAudio(chunk);
    RoomClient.Media heard = bob.nextMedia((byte) 1);
    assertEquals(annPerson.id(), heard.from());
    assertArrayEquals(chunk, heard.bytes());
    assertNull(ann.pollMedia(Duration.ofMillis(300)), "a speaker does not hear itself");
    assertNull(eve.pollMedia(Duration.ofMillis(100)), "a non-member hears nothing");
    eve.sendAudio(chunk);
    assertEquals("not_member", eve.next("error").getString("code"));
  }

  @Test
  void captionsReachTheOtherMembersAsTheSpeakersOwnAndNotWhileMuted() {
    Person annPerson = TestAccounts.signUp(server, "ann");
    RoomClient ann = connect(annPerson);
    RoomClient bob = connect(TestAccounts.signUp(server, "bob"));
    RoomClient eve = connect(TestAccounts.signUp(server, "eve"));
    String room = createRoom(ann, "Captions");
    join(ann, room);
    join(bob, room);
    ann.send(new JsonObject().put("type", "caption").put("text", "<b>young man</b>").put("final", true)
        .put("from", 999));
    JsonObject heard = bob.next("caption");
    assertEquals(annPerson.id(), heard.getLong("from"), "the speaker's own id, not the one the client wrote");
    assertEquals("<b>young man</b>", heard.getString("text"));
    assertEquals(room, heard.getString("room"));
    assertTrue(heard.getBoolean("final"));
    assertNull(ann.pollTextOfType("caption", Duration.ofMillis(300)), "a speaker is not sent its own caption");
    assertNull(eve.pollTextOfType("caption", Duration.ofMillis(100)), "a non-member hears nothing");
    eve.send(new JsonObject().put("type", "caption").put("text", "let me in").put("final", false));
    assertEquals("not_member", eve.next("error").getString("code"));
    ann.send(new JsonObject().put("type", "caption").put("text", "x".repeat(501)).put("final", false));
    assertEquals("bad_message", ann.next("error").getString("code"));

    ann.send("mute", "muted", true);
    ann.next(m -> "room".equals(m.getString("type")) && m.getJsonObject("room").getJsonArray("members").stream()
        .anyMatch(member -> ((JsonObject) member).getBoolean("muted")), "ann's own page told she is muted");
    ann.send(new JsonObject().put("type", "caption").put("text", "said while muted").put("final", true));
    assertNull(bob.pollTextOfType("caption", Duration.ofMillis(500)), "nothing is captioned while muted");
  }

    @Test
  void tooManyRoomsForOnePersonAreRefused() {
    RoomClient ann = connect(TestAccounts.signUp(server, "ann"));
    createRoom(ann, "One");
    createRoom(ann, "Two");
    ann.send("create", "name", "Three");
    assertEquals("too_many_rooms", ann.next("error").getString("code"));
  }

  @Test
  void tenCreationsAtOnceByOnePersonMakeNoMoreRoomsThanTheLimit() {
    Person bea = TestAccounts.signUp(server, "bea");
    List<RoomClient> sockets = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      sockets.add(connect(bea));
    }
    sockets.forEach(socket -> socket.send("create", "name", "Burst"));
    long created = sockets.stream().map(socket -> socket.next(m -> "created".equals(m.getString("type"))
        || "error".equals(m.getString("type")), "an answer to create"))
        .filter(answer -> "created".equals(answer.getString("type"))).count();
    assertEquals(2, created, "rooms created in a burst with --max-rooms-per-user 2");
  }

  @Test
  void aTextMessageOver16KilobytesIsRefusedAndTheSocketStaysUsable() {
    RoomClient cid = connect(TestAccounts.signUp(server, "cid"));
    cid.send("say", "text", "x".repeat(20_000));
    assertEquals("too_large", cid.next("error").getString("code"));
    cid.send("say", "text", "hello");
    assertEquals("not_member", cid.next("error").getString("code"));
  }

  @Test
  void aDirectMessageToNobodyIsRefusedAndNotStored() {
    RoomClient dan = connect(TestAccounts.signUp(server, "dan"));
    dan.send("dm", "to", 987_654_321L, "text", "anyone there?");
    assertEquals("unknown_user", dan.next("error").getString("code"));
    dan.send("history", "with", 987_654_321L);
    assertEquals("unknown_user", dan.next("error").getString("code"), "no conversation was made with nobody");
  }
}
