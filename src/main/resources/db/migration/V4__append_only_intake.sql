-- source_record becomes a pure append log: a file's records are written with one streaming COPY and nothing but
-- the primary key to maintain, because every secondary index doubled or tripled the cost of each stored record
-- (docs/performance.md, "Ingest"). The lookups those indexes served move to two narrow tables that the registry
-- refresh fills set-based, in key order, from the records it reads anyway (docs/registry.md).

DROP INDEX source_record_person;
DROP INDEX source_record_key;
DROP INDEX source_record_file;

-- The payload is stored as json, the text the hub wrote (it is Jackson's output, valid by construction): jsonb
-- would make PostgreSQL build a binary tree of every record at intake, a third of the COPY's cost, for fields the
-- refresh reads once. The view parses each payload once for all its fields.
DROP VIEW source_statement;
ALTER TABLE source_record ALTER COLUMN payload TYPE json USING payload::json;
CREATE VIEW source_statement AS
SELECT s.id                                        AS source_record_id,
       s.system,
       s.source_key,
       s.id_number,
       s.operation,
       s.intake_file_id,
       s.received_at,
       coalesce(e."occurredAt", s.received_at)     AS stated_at,
       p.name,
       p.sex,
       p.ethnicity,
       p."birthDate"                               AS birth_date,
       p."populationCategory"                      AS population_category,
       p."householdRegion"                         AS household_region,
       p."residenceRegion"                         AS residence_region,
       p."vitalStatus"                             AS vital_status,
       p.address,
       p."statusChangedOn"                         AS status_changed_on,
       s.payload
FROM source_record s
LEFT JOIN LATERAL json_to_record(s.payload) AS m(envelope json, person json) ON true
LEFT JOIN LATERAL json_to_record(m.envelope) AS e("occurredAt" timestamptz) ON true
LEFT JOIN LATERAL json_to_record(m.person) AS p(name text, sex text, ethnicity text, "birthDate" date,
    "populationCategory" text, "householdRegion" text, "residenceRegion" text, "vitalStatus" text, address text,
    "statusChangedOn" date) ON true;

-- A file's record is identified by (intake_file_id, record_no), which the file's single transaction makes unique;
-- the intake key remains for what arrives alone (events, front-database rows), where it is the idempotency key.
ALTER TABLE source_record DROP CONSTRAINT source_record_intake_key_key;
ALTER TABLE source_record ALTER COLUMN intake_key DROP NOT NULL;
UPDATE source_record SET intake_key = NULL WHERE intake_file_id IS NOT NULL;
CREATE UNIQUE INDEX source_record_intake_key ON source_record (intake_key) WHERE intake_key IS NOT NULL;

-- The latest statement per source key over the whole history, DELETEs included: what a new record of that key is
-- compared with, instead of searching source_record's history by key.
CREATE TABLE source_key_latest (
    system           VARCHAR(20)  NOT NULL,
    source_key       VARCHAR(200) NOT NULL,
    source_record_id BIGINT       NOT NULL,
    stated_at        TIMESTAMPTZ  NOT NULL,
    operation        VARCHAR(10)  NOT NULL,
    PRIMARY KEY (system, source_key)
);

-- Every source record about a person, for the person's history.
CREATE TABLE source_record_person (
    id_number        CHAR(18) NOT NULL,
    source_record_id BIGINT   NOT NULL,
    PRIMARY KEY (id_number, source_record_id)
);

-- Work table of one refresh: the latest statement of each key it looks at.
CREATE UNLOGGED TABLE registry_refresh_latest (LIKE source_key_latest INCLUDING ALL);

ALTER TABLE registry_refresh_row ADD COLUMN stated_at TIMESTAMPTZ;

-- What the records already applied say; records above the high water mark or in a gap are the refresh's to add.
INSERT INTO source_key_latest (system, source_key, source_record_id, stated_at, operation)
SELECT DISTINCT ON (v.system, v.source_key) v.system, v.source_key, v.source_record_id, v.stated_at, v.operation
FROM source_statement v
WHERE v.source_record_id <= (SELECT high_water FROM registry_refresh)
  AND NOT EXISTS (SELECT 1 FROM registry_refresh_gap g WHERE v.source_record_id BETWEEN g.from_id AND g.to_id)
ORDER BY v.system, v.source_key, v.stated_at DESC, v.source_record_id DESC;

INSERT INTO source_record_person (id_number, source_record_id)
SELECT id_number, id FROM source_record WHERE id_number IS NOT NULL ORDER BY id_number, id;
