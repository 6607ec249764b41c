-- PostgreSQL makes no index for a foreign key (H2 does): the thread sync reads a release's threads
-- and messages by release id on every delivery, which without these scans both tables.
CREATE INDEX chat_thread_by_release ON chat_thread (release_id);
CREATE INDEX chat_message_by_release ON chat_message (release_id, platform);
