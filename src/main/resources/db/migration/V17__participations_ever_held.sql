-- Spec §8 classifies on every participation ever stated: UNINSURED is "no participation record of any scheme, ever",
-- and a participation a scheme system no longer states (ended by a DELETE, or left out of a newer full snapshot) is
-- lapsed evidence. The registry keeps such participations, as last stated, beside the current ones; they count as
-- held, never as active. What POLICE said last of a person it deleted is kept too: a pension recipient it deleted as
-- dead is still alerted (spec §7.2). Alerts whose cause went away are closed, so the cause coming back alerts again.
-- docs/registry.md, "Ended statements"; docs/comparison.md, "Alerts".

-- Beside a key's latest record when that is a DELETE: the latest record of the key that is none (NULL otherwise,
-- where the latest record is that statement itself), so a refresh finds what a DELETE ended without searching the
-- history by key.
ALTER TABLE source_key_latest ADD COLUMN stating_record_id BIGINT, ADD COLUMN stating_stated_at TIMESTAMPTZ;
ALTER TABLE registry_refresh_latest ADD COLUMN stating_record_id BIGINT, ADD COLUMN stating_stated_at TIMESTAMPTZ;

-- The participations of keys no longer current, as their last statement that was no DELETE lists them.
CREATE TABLE registry_participation_ended (
    system              VARCHAR(20)  NOT NULL,
    source_key          VARCHAR(200) NOT NULL,
    ordinal             SMALLINT     NOT NULL,
    id_number           CHAR(18)     NOT NULL,
    scheme              CHAR(3)      NOT NULL,
    insured_region      VARCHAR(9),
    employer_id         VARCHAR(40),
    contribution_status CHAR(1),
    person_status       CHAR(1),
    start_date          DATE,
    end_date            DATE,
    last_paid_month     DATE,                           -- first day of the month
    source_record_id    BIGINT       NOT NULL,          -- the statement that listed it last
    PRIMARY KEY (system, source_key, ordinal)
);
CREATE INDEX registry_participation_ended_person ON registry_participation_ended (id_number);

-- One row per key no longer current: the record that ended it (the DELETE, or the last statement a newer full
-- snapshot no longer lists), with the vital status it stated (POLICE).
CREATE TABLE registry_statement_ended (
    system            VARCHAR(20)  NOT NULL,
    source_key        VARCHAR(200) NOT NULL,
    id_number         CHAR(18)     NOT NULL,
    source_record_id  BIGINT       NOT NULL,
    operation         VARCHAR(10)  NOT NULL,
    vital_status      CHAR(1),
    status_changed_on DATE,
    PRIMARY KEY (system, source_key)
);

-- The day a JUSTICE record was received dated a death in custody; the file gives no date of death, so a death holds
-- at every as-of date and nothing reads that day any more.
ALTER TABLE registry_custody DROP COLUMN stated_on;

-- Schemes of the person's ended participations, beside held_schemes (the current ones): held ever is both.
ALTER TABLE registry_person ADD COLUMN ended_schemes SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE registry_refresh_covered ADD COLUMN ended_schemes SMALLINT;

-- The alerts a person's facts call for at the run's date, whatever their category: BENEFIT_RECIPIENT_DECEASED,
-- BENEFIT_RECIPIENT_IN_CUSTODY, DUPLICATE_MEDICAL; NULL for none (most persons).
ALTER TABLE comparison_result ADD COLUMN alert_types TEXT[];

-- An alert stays open until a run (for its as-of date or a later one) no longer finds its cause; then the run closes
-- it. One open alert per person, type and cause; a cause found again after its alert was closed is a new alert.
ALTER TABLE alert_outbox ADD COLUMN closed_by_run BIGINT;
ALTER TABLE alert_outbox DROP CONSTRAINT alert_outbox_id_number_type_cause_key_key;
CREATE UNIQUE INDEX alert_outbox_open ON alert_outbox (id_number, type, cause_key) WHERE closed_by_run IS NULL;
CREATE INDEX alert_outbox_person ON alert_outbox (id_number, type);

-- What the records applied so far ended. The statement before each DELETE: one pass over the history, as V4.
UPDATE source_key_latest l SET stating_record_id = s.source_record_id, stating_stated_at = s.stated_at
FROM (SELECT DISTINCT ON (v.system, v.source_key) v.system, v.source_key, v.source_record_id, v.stated_at
      FROM source_statement v
      WHERE v.operation <> 'DELETE' AND v.source_record_id <= (SELECT high_water FROM registry_refresh)
        AND NOT EXISTS (SELECT 1 FROM registry_refresh_gap g WHERE v.source_record_id BETWEEN g.from_id AND g.to_id)
        AND (v.system, v.source_key) IN (SELECT system, source_key FROM source_key_latest WHERE operation = 'DELETE')
      ORDER BY v.system, v.source_key, v.stated_at DESC, v.source_record_id DESC) s
WHERE l.system = s.system AND l.source_key = s.source_key AND l.operation = 'DELETE';

-- The keys no longer current are those the refresh keeps no statement of.
CREATE TEMPORARY TABLE ended_key ON COMMIT DROP AS
SELECT l.system, l.source_key, l.source_record_id,
       coalesce(l.stating_record_id, l.source_record_id) AS stating_record_id
FROM source_key_latest l
WHERE NOT EXISTS (SELECT 1 FROM registry_statement st WHERE st.system = l.system AND st.source_key = l.source_key);

INSERT INTO registry_statement_ended (system, source_key, id_number, source_record_id, operation, vital_status,
    status_changed_on)
SELECT v.system, v.source_key, v.id_number, v.source_record_id, v.operation, v.vital_status, v.status_changed_on
FROM ended_key k JOIN source_statement v ON v.source_record_id = k.source_record_id
WHERE v.id_number IS NOT NULL;

INSERT INTO registry_participation_ended (system, source_key, ordinal, id_number, scheme, insured_region,
    employer_id, contribution_status, person_status, start_date, end_date, last_paid_month, source_record_id)
SELECT s.system, s.source_key, e.ordinal, s.id_number, e.scheme, e.insured_region,
       left(e.employer_id, 40), e.contribution_status, e.person_status, e.start_date, e.end_date,
       to_date(e.last_paid_month, 'YYYY-MM'), s.id
FROM ended_key k
JOIN source_record s ON s.id = k.stating_record_id
CROSS JOIN LATERAL ROWS FROM (json_to_recordset(s.payload -> 'participations') AS (scheme text,
    "insuredRegion" text, "employerId" text, "contributionStatus" text, "personStatus" text,
    "startDate" date, "endDate" date, "lastPaidMonth" text))
    WITH ORDINALITY AS e(scheme, insured_region, employer_id, contribution_status, person_status,
                         start_date, end_date, last_paid_month, ordinal)
WHERE s.id_number IS NOT NULL;

-- Scheme bits as R__10_schemes.sql gives them (its functions are created after the versioned migrations).
UPDATE registry_person p SET ended_schemes = e.schemes
FROM (SELECT id_number,
             CAST(bit_or(CASE scheme WHEN '110' THEN 1 WHEN '120' THEN 2 WHEN '170' THEN 4 WHEN '210' THEN 8
                                     WHEN '310' THEN 16 WHEN '390' THEN 32 WHEN '410' THEN 64 WHEN '510' THEN 128
                                     ELSE 0 END) AS SMALLINT) AS schemes
      FROM registry_participation_ended GROUP BY id_number) e
WHERE e.id_number = p.id_number;
