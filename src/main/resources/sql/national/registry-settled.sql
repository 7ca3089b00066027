-- Waits for a registry refresh that is writing the change log to commit: a refresh logs its persons after it took
-- this row (sql/registry/refresh/note-person-changes.sql), so once the row is ours every change with a lower sequence
-- number is committed, and a later one gets a higher number. Run with change-log-end.sql in a transaction of its own.
SELECT r.high_water FROM registry_refresh r WHERE r.id = 1 FOR SHARE;
