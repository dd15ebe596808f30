-- Portable between H2 2.x and PostgreSQL 13+.
-- Message ids are their order: one at a time from the database, never blocks per instance.
ALTER SEQUENCE chat_log_seq INCREMENT BY 1;
CREATE INDEX ix_chat_log_room_id ON chat_log (room_id, id);

-- An answer's row is written when it starts streaming and updated as it streams, so an instance
-- that dies leaves what it had streamed; the stale-answer sweep then marks it stopped.
ALTER TABLE chat_log ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE chat_log DROP CONSTRAINT ck_chat_log_status;
ALTER TABLE chat_log ADD CONSTRAINT ck_chat_log_status CHECK (status IN ('complete', 'stopped', 'failed', 'streaming'));
CREATE INDEX ix_chat_log_streaming ON chat_log (status, updated_at);
