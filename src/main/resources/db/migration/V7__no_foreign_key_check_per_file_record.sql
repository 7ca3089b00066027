-- A foreign key from source_record to intake_file made PostgreSQL queue a trigger event for every stored record
-- and run a lookup of the file's row for each of them at the end of the file's COPY: a third of the server's
-- work at intake (docs/performance.md, "Ingest"). The reference cannot break: the intake writes the file's row
-- first, in the same transaction as its records, and no file row is ever deleted.
ALTER TABLE source_record DROP CONSTRAINT source_record_intake_file_id_fkey;
