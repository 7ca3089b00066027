-- Registry: typed current tables derived from source_record (which stays the append-only truth), the merged
-- person view, conflicts between sources, and the clean-up of quarantined identity numbers.
-- Everything here except the clean-up decisions can be rebuilt from source_record (docs/registry.md).

-- Every source record with its canonical fields as columns. stated_at orders what one source said about one key:
-- the source's own time where it gives one (events, front-database rows), else the time the hub received it.
CREATE VIEW source_statement AS
SELECT s.id                                                            AS source_record_id,
       s.system,
       s.source_key,
       s.id_number,
       s.operation,
       s.intake_file_id,
       s.received_at,
       coalesce((s.payload #>> '{envelope,occurredAt}')::timestamptz, s.received_at) AS stated_at,
       s.payload -> 'person' ->> 'name'                                AS name,
       s.payload -> 'person' ->> 'sex'                                 AS sex,
       s.payload -> 'person' ->> 'ethnicity'                           AS ethnicity,
       (s.payload -> 'person' ->> 'birthDate')::date                   AS birth_date,
       s.payload -> 'person' ->> 'populationCategory'                  AS population_category,
       s.payload -> 'person' ->> 'householdRegion'                     AS household_region,
       s.payload -> 'person' ->> 'residenceRegion'                     AS residence_region,
       s.payload -> 'person' ->> 'vitalStatus'                         AS vital_status,
       s.payload -> 'person' ->> 'address'                             AS address,
       (s.payload -> 'person' ->> 'statusChangedOn')::date             AS status_changed_on,
       s.payload
FROM source_record s;

-- What each source currently says: the latest statement per (system, source_key) that is neither a DELETE nor
-- older than the system's latest full snapshot it is missing from. Identity fields only; the rest is below.
CREATE TABLE registry_statement (
    system              VARCHAR(20)  NOT NULL,
    source_key          VARCHAR(200) NOT NULL,
    id_number           CHAR(18)     NOT NULL,
    source_record_id    BIGINT       NOT NULL,
    stated_at           TIMESTAMPTZ  NOT NULL,
    name                VARCHAR(100),
    sex                 CHAR(1),
    ethnicity           CHAR(2),
    birth_date          DATE,
    population_category CHAR(1),
    household_region    VARCHAR(9),
    residence_region    VARCHAR(9),
    vital_status        CHAR(1),
    address             VARCHAR(300),
    status_changed_on   DATE,
    PRIMARY KEY (system, source_key)
) WITH (fillfactor = 90);
CREATE INDEX registry_statement_person ON registry_statement (id_number);

-- Scheme participations as the scheme systems currently state them (one row per participation in a statement).
CREATE TABLE registry_participation (
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
    source_record_id    BIGINT       NOT NULL,
    PRIMARY KEY (system, source_key, ordinal)
) WITH (fillfactor = 90);
CREATE INDEX registry_participation_person ON registry_participation (id_number);

-- Facts of the other departments, one row per current statement that carries the fact.
CREATE TABLE registry_student (
    system           VARCHAR(20)  NOT NULL,
    source_key       VARCHAR(200) NOT NULL,
    id_number        CHAR(18)     NOT NULL,
    stage            VARCHAR(10),
    school           VARCHAR(200),
    school_region    VARCHAR(9),
    enrolled_month   DATE,
    source_record_id BIGINT       NOT NULL,
    PRIMARY KEY (system, source_key)
);
CREATE INDEX registry_student_person ON registry_student (id_number);

CREATE TABLE registry_custody (
    system           VARCHAR(20)  NOT NULL,
    source_key       VARCHAR(200) NOT NULL,
    id_number        CHAR(18)     NOT NULL,
    custody_from     DATE,
    custody_until    DATE,
    facility         VARCHAR(200),
    facility_region  VARCHAR(9),
    status           CHAR(1),
    stated_on        DATE         NOT NULL,             -- when the source said so: the date of a death in custody
    source_record_id BIGINT       NOT NULL,
    PRIMARY KEY (system, source_key)
);
CREATE INDEX registry_custody_person ON registry_custody (id_number);

CREATE TABLE registry_assistance (
    system           VARCHAR(20)  NOT NULL,
    source_key       VARCHAR(200) NOT NULL,
    id_number        CHAR(18)     NOT NULL,
    category         VARCHAR(2),
    region           VARCHAR(9),
    valid_from       DATE,
    valid_to         DATE,
    source_record_id BIGINT       NOT NULL,
    PRIMARY KEY (system, source_key)
);
CREATE INDEX registry_assistance_person ON registry_assistance (id_number);

CREATE TABLE registry_card (
    system           VARCHAR(20)  NOT NULL,
    source_key       VARCHAR(200) NOT NULL,
    id_number        CHAR(18)     NOT NULL,
    card_no          VARCHAR(20),
    issue_region     VARCHAR(9),
    status           CHAR(1),
    issue_date       DATE,
    source_record_id BIGINT       NOT NULL,
    PRIMARY KEY (system, source_key)
);
CREATE INDEX registry_card_person ON registry_card (id_number);

-- The merged view: one row per identity number, each field from the first source of the precedence list that
-- states it (docs/registry.md); *_system says which. police_record_id is set when POLICE currently states the person.
CREATE TABLE registry_person (
    id_number           CHAR(18)     PRIMARY KEY,
    name                VARCHAR(100),
    name_system         VARCHAR(20),
    sex                 CHAR(1),
    sex_system          VARCHAR(20),
    ethnicity           CHAR(2),
    birth_date          DATE,
    birth_date_system   VARCHAR(20),
    population_category CHAR(1),
    household_region    VARCHAR(9),
    residence_region    VARCHAR(9),
    vital_status        CHAR(1),
    address             VARCHAR(300),
    status_changed_on   DATE,
    police_record_id    BIGINT,
    systems             VARCHAR(20)[] NOT NULL,
    merged_at           TIMESTAMPTZ  NOT NULL
) WITH (fillfactor = 90);
CREATE INDEX registry_person_name_birth ON registry_person (birth_date, name);

-- Sources that disagree on an identity field of one person: a data-quality item per person and field.
CREATE TABLE registry_conflict (
    id_number  CHAR(18)    NOT NULL,
    field      VARCHAR(20) NOT NULL,
    statements JSONB       NOT NULL,                    -- [{system, value, sourceRecordId}] in precedence order
    noted_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (id_number, field)
);

-- Refresh bookkeeping. high_water: every source_record id at or below it has been applied, except ids in a gap.
-- A gap is a range of ids above an earlier high water that was not visible then (a transaction still open, or
-- rolled back); it is looked at again until no transaction that could own it is open.
CREATE TABLE registry_refresh (
    id           SMALLINT    PRIMARY KEY CHECK (id = 1),
    high_water   BIGINT      NOT NULL,
    refreshed_at TIMESTAMPTZ
);
INSERT INTO registry_refresh (id, high_water) VALUES (1, 0);

CREATE TABLE registry_refresh_gap (
    from_id  BIGINT      PRIMARY KEY,
    to_id    BIGINT      NOT NULL,
    noted_at TIMESTAMPTZ NOT NULL
);

-- Work tables of one refresh (single-flight), emptied at its start.
CREATE UNLOGGED TABLE registry_refresh_row (
    id         BIGINT       PRIMARY KEY,
    system     VARCHAR(20)  NOT NULL,
    source_key VARCHAR(200) NOT NULL,
    id_number  CHAR(18),
    operation  VARCHAR(10)  NOT NULL
);
CREATE UNLOGGED TABLE registry_refresh_key (
    system     VARCHAR(20)  NOT NULL,
    source_key VARCHAR(200) NOT NULL,
    PRIMARY KEY (system, source_key)
);
CREATE UNLOGGED TABLE registry_refresh_current (
    source_record_id BIGINT PRIMARY KEY
);
CREATE UNLOGGED TABLE registry_refresh_person (
    id_number CHAR(18) PRIMARY KEY
);

-- Clean-up (清理): candidate persons for a quarantined record whose identity number is invalid, and the
-- operator's decisions. A decision is keyed by what the source sent, so the same wrong number from the same
-- system is resolved again without asking.
CREATE TABLE cleanup_candidate (
    id                 BIGSERIAL    PRIMARY KEY,
    quarantine_id      BIGINT       NOT NULL REFERENCES quarantine (id),
    system             VARCHAR(20)  NOT NULL,
    number_as_given    VARCHAR(40)  NOT NULL,
    candidate_id       CHAR(18)     NOT NULL,
    candidate_name     VARCHAR(100) NOT NULL,
    matched_on         VARCHAR(100) NOT NULL,
    status             VARCHAR(10)  NOT NULL,            -- PENDING | CONFIRMED | REJECTED
    decided_by         VARCHAR(50),
    decided_at         TIMESTAMPTZ,
    found_at           TIMESTAMPTZ  NOT NULL,
    UNIQUE (quarantine_id, candidate_id)
);
CREATE INDEX cleanup_candidate_pending ON cleanup_candidate (status, id);

CREATE TABLE cleanup_decision (
    system          VARCHAR(20) NOT NULL,
    number_as_given VARCHAR(40) NOT NULL,
    candidate_id    CHAR(18)    NOT NULL,
    decision        VARCHAR(10) NOT NULL,                -- CONFIRMED | REJECTED
    decided_by      VARCHAR(50) NOT NULL,
    decided_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (system, number_as_given, candidate_id)
);
