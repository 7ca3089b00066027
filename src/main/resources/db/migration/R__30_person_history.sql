-- What the registry knew of one person, for the person view and its history (PersonHistory, sql/registry/history/).
-- Set-returning SQL functions that the planner inlines into the statement that calls them, as if their text were
-- written there.

-- The ids of every source record about a person: those the refresh has filed under the person, and those it has not
-- read yet (above its high water mark, or in a gap), so that the person view always lists every record stored.
CREATE OR REPLACE FUNCTION source_records_of(person CHAR(18)) RETURNS SETOF BIGINT LANGUAGE sql STABLE AS $$
SELECT p.source_record_id FROM source_record_person p WHERE p.id_number = person
UNION
SELECT s.id FROM source_record s
WHERE s.id > (SELECT high_water FROM registry_refresh) AND s.id_number = person
UNION
SELECT s.id FROM registry_refresh_gap g JOIN source_record s ON s.id BETWEEN g.from_id AND g.to_id
WHERE s.id_number = person
$$;

-- What a person's sources said as known before a moment: the latest statement per source key among the records
-- received before it, less DELETEs and keys missing from a later full snapshot of their system received before it
-- (docs/registry.md, "What a source currently says").
CREATE OR REPLACE FUNCTION statements_known_before(person CHAR(18), cutoff TIMESTAMPTZ) RETURNS SETOF source_statement
    LANGUAGE sql STABLE AS $$
SELECT known.*
FROM (SELECT DISTINCT ON (v.system, v.source_key) v.*
      FROM source_statement v
      WHERE v.source_record_id IN (SELECT r.id FROM source_records_of(person) r(id)) AND v.received_at < cutoff
      ORDER BY v.system, v.source_key, v.stated_at DESC, v.source_record_id DESC) known
LEFT JOIN (SELECT system, max(received_at) AS full_at
           FROM intake_file
           WHERE kind = 'FULL' AND status IN ('ACCEPTED', 'PARTIAL') AND received_at < cutoff
           GROUP BY system) f ON f.system = known.system
WHERE known.operation <> 'DELETE' AND (f.full_at IS NULL OR known.stated_at >= f.full_at)
$$;
