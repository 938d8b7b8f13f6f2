-- A view resumes only for the browser it was issued to: the SHA-256 (hex) of the secret the server
-- returned at its start. Views from before have none and cannot be resumed.
ALTER TABLE watch_views ADD COLUMN secret_hash VARCHAR(64);
