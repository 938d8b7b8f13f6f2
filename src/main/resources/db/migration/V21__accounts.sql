-- Accounts: people who signed up, and the sessions they ended before their tokens expired.
-- Portable SQL (SQLite, PostgreSQL): ids are chosen by the server, no AUTOINCREMENT.
CREATE TABLE users (
  id                  BIGINT        NOT NULL PRIMARY KEY, -- random, below 2^53 so JavaScript reads it exactly
  username            VARCHAR(32)   NOT NULL,             -- as typed at sign-up
  username_key        VARCHAR(32)   NOT NULL UNIQUE,      -- lower case: names are unique ignoring case
  password_hash       VARCHAR(200)  NOT NULL,             -- Argon2id, PHC string: parameters, salt and hash
  session_epoch       INTEGER       NOT NULL DEFAULT 0,   -- raised by a password change: older tokens stop working
  created_at          BIGINT        NOT NULL,             -- epoch ms
  password_changed_at BIGINT        NOT NULL              -- epoch ms
);

-- Sessions signed out before their tokens expired; a row may go once its token would have expired anyway.
CREATE TABLE revoked_sessions (
  session_id VARCHAR(32) NOT NULL PRIMARY KEY,
  user_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at BIGINT      NOT NULL                           -- epoch ms
);

CREATE INDEX revoked_sessions_by_expiry ON revoked_sessions (expires_at);
