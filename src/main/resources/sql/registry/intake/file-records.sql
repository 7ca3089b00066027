-- A data file's accepted records, streamed in PostgreSQL's text format (tab-separated, one row a line) in the
-- file's transaction. In psql, \copy with the same column list reads them from a file.
COPY source_record (system, id_number, source_key, operation, intake_file_id, record_no, received_at, occurred_at,
    payload)
FROM STDIN;
