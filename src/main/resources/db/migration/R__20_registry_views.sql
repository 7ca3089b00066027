-- The registry's views (docs/registry.md). These are their current definitions; the versioned migrations that
-- created and changed them stay as they were applied.

-- When a statement was made, which orders what one source said about one key: the source's own time where it gives
-- one (occurred_at: events, front-database rows), else the time the hub received it. One expression, so the planner
-- inlines it into the statement that calls it: no call per row.
CREATE OR REPLACE FUNCTION stated_at(occurred_at TIMESTAMPTZ, received_at TIMESTAMPTZ) RETURNS TIMESTAMPTZ
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT coalesce(occurred_at, received_at)
$$;

-- The participations of a canonical message (its "participations" array) in their order (ordinal, from 1), typed and
-- cut to the columns of registry_participation and registry_participation_ended, which both take them from here. A
-- single SELECT, so the planner inlines it into the statement that calls it, as if its text were written there.
CREATE OR REPLACE FUNCTION participations_of(participations json)
    RETURNS TABLE (ordinal BIGINT, scheme TEXT, insured_region TEXT, employer_id TEXT, contribution_status TEXT,
                   person_status TEXT, start_date DATE, end_date DATE, last_paid_month DATE)
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT q.ordinal, q.scheme, q."insuredRegion", left(q."employerId", 40), q."contributionStatus", q."personStatus",
       q."startDate", q."endDate", to_date(q."lastPaidMonth", 'YYYY-MM')
FROM ROWS FROM (json_to_recordset(participations) AS (scheme text, "insuredRegion" text, "employerId" text,
    "contributionStatus" text, "personStatus" text, "startDate" date, "endDate" date, "lastPaidMonth" text))
    WITH ORDINALITY AS q(scheme, "insuredRegion", "employerId", "contributionStatus", "personStatus", "startDate",
                         "endDate", "lastPaidMonth", ordinal)
$$;

-- Every source record with the canonical fields of its payload as columns, and when it was stated (stated_at). Each
-- payload (json, the text the hub wrote) is parsed once for all its fields.
CREATE OR REPLACE VIEW source_statement AS
SELECT s.id                                        AS source_record_id,
       s.system,
       s.source_key,
       s.id_number,
       s.operation,
       s.intake_file_id,
       s.received_at,
       stated_at(s.occurred_at, s.received_at)     AS stated_at,
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
LEFT JOIN LATERAL json_to_record(s.payload) AS m(person json) ON true
LEFT JOIN LATERAL json_to_record(m.person) AS p(name text, sex text, ethnicity text, "birthDate" date,
    "populationCategory" text, "householdRegion" text, "residenceRegion" text, "vitalStatus" text, address text,
    "statusChangedOn" date) ON true;

-- One row per source record with the whole canonical message (jsonb) as the mapper produced it: the envelope
-- fields that the row's own columns hold are left out of payload since V6 and put back here; rows stored before V6
-- still carry them.
CREATE OR REPLACE VIEW source_message AS
SELECT s.id AS source_record_id,
       s.system,
       s.id_number,
       s.source_key,
       s.operation,
       s.intake_key,
       s.intake_file_id,
       s.record_no,
       s.received_at,
       jsonb_set(p.payload, '{envelope}', (p.payload -> 'envelope') || jsonb_strip_nulls(jsonb_build_object(
           'messageId', coalesce(s.intake_key, f.sha256 || ':' || s.record_no),
           'sourceSystem', s.system,
           'sourceReference', CASE WHEN s.intake_file_id IS NOT NULL
                                   THEN jsonb_build_object('file', f.file_name, 'record', s.record_no) END,
           'receivedAt', s.received_at,
           'operation', s.operation))) AS message
FROM source_record s
CROSS JOIN LATERAL (SELECT CAST(s.payload AS jsonb)) p(payload)
LEFT JOIN intake_file f ON f.id = s.intake_file_id;

-- The coverage of the persons the refresh merges again (registry_refresh_person), from their current
-- participations and the schemes of their ended ones: what a comparison run needs of them, kept in registry_person
-- (V10, V17; docs/registry.md, "Coverage"). Scheme masks as scheme_bit gives them; months are their first days;
-- second_paid in bit order. An ended participation has no status or month here: it is held, never active.
CREATE OR REPLACE VIEW registry_refresh_coverage AS
SELECT s.id_number,
       CAST(bit_or(s.bit) FILTER (WHERE s.current) AS SMALLINT)                      AS held_schemes,
       CAST(coalesce(bit_or(s.bit) FILTER (WHERE s.drawing > 0), 0) AS SMALLINT)     AS drawing_schemes,
       CAST(coalesce(bit_or(s.bit) FILTER (WHERE s.drawing > 1), 0) AS SMALLINT)     AS drawing_twice,
       max(s.paid) FILTER (WHERE s.scheme = '110')                                   AS paid_110,
       max(s.paid) FILTER (WHERE s.scheme = '120')                                   AS paid_120,
       max(s.paid) FILTER (WHERE s.scheme = '170')                                   AS paid_170,
       max(s.paid) FILTER (WHERE s.scheme = '210')                                   AS paid_210,
       max(s.paid) FILTER (WHERE s.scheme = '310')                                   AS paid_310,
       max(s.paid) FILTER (WHERE s.scheme = '390')                                   AS paid_390,
       max(s.paid) FILTER (WHERE s.scheme = '410')                                   AS paid_410,
       max(s.paid) FILTER (WHERE s.scheme = '510')                                   AS paid_510,
       CASE WHEN count(s.second) > 0 THEN ARRAY[
           max(s.second) FILTER (WHERE s.scheme = '110'), max(s.second) FILTER (WHERE s.scheme = '120'),
           max(s.second) FILTER (WHERE s.scheme = '170'), max(s.second) FILTER (WHERE s.scheme = '210'),
           max(s.second) FILTER (WHERE s.scheme = '310'), max(s.second) FILTER (WHERE s.scheme = '390'),
           max(s.second) FILTER (WHERE s.scheme = '410'), max(s.second) FILTER (WHERE s.scheme = '510')] END
                                                                                     AS second_paid,
       max(s.employed) FILTER (WHERE s.scheme = '110')                               AS employed_paid_110,
       max(s.employed) FILTER (WHERE s.scheme = '120')                               AS employed_paid_120,
       CAST(coalesce(bit_or(s.bit) FILTER (WHERE s.ended), 0) AS SMALLINT)          AS ended_schemes
FROM (SELECT q.id_number, q.scheme, scheme_bit(q.scheme) AS bit,
             bool_or(q.current) AS current, bool_or(NOT q.current) AS ended,
             count(*) FILTER (WHERE d.drawing) AS drawing,
             -- per scheme the latest and the second-latest paid month of a paying participation that draws nothing
             max(q.last_paid_month) FILTER (WHERE q.contribution_status = '1' AND NOT d.drawing) AS paid,
             (array_agg(q.last_paid_month ORDER BY q.last_paid_month DESC)
                  FILTER (WHERE q.contribution_status = '1' AND NOT d.drawing AND q.last_paid_month IS NOT NULL))[2]
                 AS second,
             -- as an employee (person status 1)
             max(q.last_paid_month) FILTER (WHERE q.contribution_status = '1' AND q.person_status = '1') AS employed
      FROM registry_refresh_person r
      JOIN (SELECT id_number, scheme, contribution_status, person_status, last_paid_month, true AS current
            FROM registry_participation
            UNION ALL
            SELECT id_number, scheme, CAST(NULL AS CHAR(1)), CAST(NULL AS CHAR(1)), CAST(NULL AS DATE), false
            FROM registry_participation_ended) q ON q.id_number = r.id_number
      -- drawing benefits: a pension participation with person status 2
      CROSS JOIN LATERAL (SELECT coalesce(scheme_meets(q.scheme, 'PENSION') AND q.person_status = '2', false))
          d(drawing)
      GROUP BY q.id_number, q.scheme) s
GROUP BY s.id_number;
