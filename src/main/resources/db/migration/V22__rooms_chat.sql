-- Chat messages of rooms and of one-to-one conversations. Portable SQL (SQLite and PostgreSQL):
-- application-made ids, no AUTOINCREMENT. A conversation is "room:<room id>" or "dm:<lower id>:<higher id>".
CREATE TABLE chat_messages (
  id VARCHAR(32) NOT NULL PRIMARY KEY,
  conversation VARCHAR(64) NOT NULL,
  sender_id BIGINT NOT NULL,
  sender_name VARCHAR(64) NOT NULL,
  body VARCHAR(4000) NOT NULL,
  sent_at BIGINT NOT NULL
);

CREATE INDEX chat_messages_by_conversation ON chat_messages (conversation, sent_at);
