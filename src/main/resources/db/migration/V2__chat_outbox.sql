-- Chat deliveries. H2 (PostgreSQL mode) and PostgreSQL alike.

-- Where a release lives in a chat: one row per platform it was started on.
CREATE TABLE chat_thread (
    id          VARCHAR(80)  PRIMARY KEY,          -- platform:release id
    release_id  VARCHAR(40)  NOT NULL REFERENCES releases (id),
    platform    VARCHAR(20)  NOT NULL,
    channel_id  VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX chat_thread_by_channel ON chat_thread (platform, channel_id, created_at);

-- The messages posted for a release, to edit them in place: what was last sent, and when.
CREATE TABLE chat_message (
    id            VARCHAR(300) PRIMARY KEY,        -- platform:release id:message key
    release_id    VARCHAR(40)  NOT NULL REFERENCES releases (id),
    platform      VARCHAR(20)  NOT NULL,
    message_key   VARCHAR(200) NOT NULL,
    channel_id    VARCHAR(100) NOT NULL,
    message_ref   VARCHAR(100) NOT NULL,           -- Slack ts, Discord message id
    content_hash  VARCHAR(64)  NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The outbox: a release whose chat view is behind its state. One row per release and platform, so
-- a burst of changes is one delivery; generation tells a delivery whether more changed meanwhile.
CREATE TABLE chat_outbox (
    id          VARCHAR(80)  PRIMARY KEY,          -- platform:release id
    release_id  VARCHAR(40)  NOT NULL REFERENCES releases (id),
    platform    VARCHAR(20)  NOT NULL,
    generation  BIGINT       NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts    INT          NOT NULL,
    last_error  TEXT
);
CREATE INDEX chat_outbox_due ON chat_outbox (due_at);
