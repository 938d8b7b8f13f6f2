package dev.livelens.rooms;

import io.vertx.core.json.JsonObject;

/**
 * One chat message as stored and as sent: its text is plain text, which pages show as text (never HTML).
 *
 * @param conversation "room:<id>" or "dm:<lower user id>:<higher user id>"
 */
record ChatMessage(String id, String conversation, long fromId, String fromName, String text, long at) {

  static String ofRoom(String roomId) {
    return "room:" + roomId;
  }

  static String between(long a, long b) {
    return "dm:" + Math.min(a, b) + ":" + Math.max(a, b);
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject().put("type", "chat").put("id", id)
        .put("from", new JsonObject().put("id", fromId).put("name", fromName)).put("text", text).put("at", at);
    if (conversation.startsWith("room:")) {
      return json.put("room", conversation.substring("room:".length()));
    }
    String[] pair = conversation.split(":");
    long a = Long.parseLong(pair[1]);
    long b = Long.parseLong(pair[2]);
    return json.put("to", fromId == a ? b : a);
  }
}
