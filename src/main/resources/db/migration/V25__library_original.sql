-- What a video was made from, shown in its details: the file's name as uploaded, and its container and
-- codecs as ffprobe read them with what packaging did (remuxed or transcoded). Portable SQL.
ALTER TABLE videos ADD COLUMN original_name VARCHAR(255);
ALTER TABLE videos ADD COLUMN original_media VARCHAR(500);
