-- What was said in each video: one row per transcript, one per recognised word. Portable SQL (SQLite,
-- PostgreSQL). Search looks words up through their index (a phrase: consecutive idx), never a scan.
CREATE TABLE transcripts (
  video_id   VARCHAR(32)   NOT NULL PRIMARY KEY,
  status     VARCHAR(16)   NOT NULL,          -- processing, ready, failed, no_speech
  language   VARCHAR(16)   NOT NULL,
  reason     VARCHAR(1000),                   -- why it failed, or null
  words      INTEGER       NOT NULL DEFAULT 0,
  updated_at BIGINT        NOT NULL           -- epoch ms
);

CREATE TABLE transcript_words (
  video_id VARCHAR(32)  NOT NULL,
  idx      INTEGER      NOT NULL,             -- 0, 1, 2 … in the order spoken
  word     VARCHAR(100) NOT NULL,             -- lower case, as the model spells it
  start_ms INTEGER      NOT NULL,
  end_ms   INTEGER      NOT NULL,
  conf     INTEGER      NOT NULL,             -- the model's confidence, 0..1000
  PRIMARY KEY (video_id, idx)
);
CREATE INDEX transcript_words_by_word ON transcript_words (word);
