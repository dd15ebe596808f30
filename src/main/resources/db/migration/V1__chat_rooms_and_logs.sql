-- Portable between H2 2.x and PostgreSQL 13+. Ids come from sequences, handed out 50 at a time.
CREATE SEQUENCE chat_room_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE chat_log_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE chat_room (
    id         BIGINT PRIMARY KEY,
    owner_id   VARCHAR(255)             NOT NULL,
    title      VARCHAR(100)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_chat_room_owner ON chat_room (owner_id, created_at);

CREATE TABLE chat_log (
    id        BIGINT PRIMARY KEY,
    room_id   BIGINT                   NOT NULL REFERENCES chat_room (id) ON DELETE CASCADE,
    role      VARCHAR(8)               NOT NULL,
    message   VARCHAR(1000000)         NOT NULL,
    timestamp TIMESTAMP WITH TIME ZONE NOT NULL,
    status    VARCHAR(16)              NOT NULL,
    sources   VARCHAR(20000)           NOT NULL,
    CONSTRAINT ck_chat_log_role CHECK (role IN ('user', 'bot')),
    CONSTRAINT ck_chat_log_status CHECK (status IN ('complete', 'stopped', 'failed'))
);
CREATE INDEX ix_chat_log_room_time ON chat_log (room_id, timestamp);
