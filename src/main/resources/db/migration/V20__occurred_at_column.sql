-- The source's own time of a record (envelope.occurredAt: events, front-database rows) as a column, written by the
-- intake beside the payload that still carries it. A registry refresh orders what a source said by it and read it
-- out of every record's payload, a parse of the whole document per record: at a first full refresh the largest
-- single step (docs/performance.md, "Registry refresh").
ALTER TABLE source_record ADD COLUMN occurred_at TIMESTAMPTZ;

-- The records stored before: a file's records carry no occurredAt, so only a payload that names it is parsed.
UPDATE source_record
SET occurred_at = CAST(payload -> 'envelope' ->> 'occurredAt' AS TIMESTAMPTZ)
WHERE strpos(CAST(payload AS TEXT), '"occurredAt"') > 0;
