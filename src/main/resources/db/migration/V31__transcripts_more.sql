-- Subtitles, second part. Portable SQL (SQLite, PostgreSQL).

-- Which node makes a transcript, until when (renewed while it works): a node takes a transcript with one
-- conditional upsert whose row count says who won, so two nodes never transcribe the same video.
ALTER TABLE transcripts ADD COLUMN node VARCHAR(64);
ALTER TABLE transcripts ADD COLUMN lease_until BIGINT NOT NULL DEFAULT 0;

-- A cut made from transcript words: its transcript is those words of its parent, re-timed (not heard again).
ALTER TABLE transcripts ADD COLUMN from_video VARCHAR(32);
ALTER TABLE transcripts ADD COLUMN from_word INTEGER;
ALTER TABLE transcripts ADD COLUMN to_word INTEGER;

-- Phrase search walks the videos newest first and looks each up by (video, word, next word): a common
-- word stops after a few videos, a phrase's first two words are one probe. The index on the word alone made
-- a common word read every one of its occurrences (the slow tail); PostgreSQL's planner takes its
-- successor, on (word, next word), for a rare word or phrase (SQLite keeps to the walk: see SpeechSearch).
ALTER TABLE transcript_words ADD COLUMN next_word VARCHAR(100) NOT NULL DEFAULT '';
UPDATE transcript_words SET next_word = COALESCE((SELECT n.word FROM transcript_words n
  WHERE n.video_id = transcript_words.video_id AND n.idx = transcript_words.idx + 1), '');
DROP INDEX transcript_words_by_word;
CREATE INDEX transcript_words_by_pair ON transcript_words (video_id, word, next_word, idx);
CREATE INDEX transcript_words_by_phrase ON transcript_words (word, next_word);

-- A line's text as the video's owner corrected it; the line's words keep their times (and stay searchable
-- as recognised).
CREATE TABLE transcript_lines (
  video_id   VARCHAR(32)   NOT NULL,
  from_word  INTEGER       NOT NULL,
  to_word    INTEGER       NOT NULL,
  text       VARCHAR(1000) NOT NULL,
  updated_at BIGINT        NOT NULL,              -- epoch ms
  PRIMARY KEY (video_id, from_word)
);
