-- Which node works on a video that is still being made (its job, its packaging): the node's name and the
-- time its lease lapses, renewed while it works. Another node takes the work over only once the lease has
-- lapsed, so the nodes sharing one database never run one job twice. Portable SQL (SQLite, PostgreSQL).
ALTER TABLE videos ADD COLUMN lease_owner VARCHAR(64);                -- --node-name of the holder, or NULL
ALTER TABLE videos ADD COLUMN lease_until BIGINT NOT NULL DEFAULT 0;  -- epoch ms; 0: free to take

-- The unfinished videos, read at start-up and by each node's periodic look for lapsed leases.
CREATE INDEX videos_by_status ON videos (status, lease_owner);
