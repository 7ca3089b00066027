-- Comparison (检查比对): runs, one result per person and run, statistics, the alert outbox, and what the
-- national system says about persons insured in another province (docs/comparison.md).

-- Fed by national COMPARE_RESULT messages: the latest result for a person replaces that person's rows.
CREATE TABLE national_insured_elsewhere (
    id_number   CHAR(18)    NOT NULL,
    province    CHAR(6)     NOT NULL,
    scheme      CHAR(3)     NOT NULL,
    status      CHAR(1)     NOT NULL,                   -- AAC031 as the national system states it; 1 = active
    message_id  VARCHAR(64),                            -- the COMPARE_RESULT's messageId
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (id_number, province, scheme)
);

CREATE TABLE comparison_run (
    id            BIGSERIAL   PRIMARY KEY,
    as_of         DATE        NOT NULL,
    trigger       VARCHAR(10) NOT NULL,                 -- NIGHTLY | API
    rules_version VARCHAR(64) NOT NULL,                 -- SHA-256 prefix of the canonical rules JSON
    rules         JSONB       NOT NULL,
    status        VARCHAR(10) NOT NULL,                 -- RUNNING | COMPLETED | FAILED
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    duration_ms   BIGINT,
    counts        JSONB,                                -- persons per category, rostered, rosters written, alerts
    steps         JSONB,                                -- milliseconds per step
    error         TEXT
);

-- One row per person in the registry and run. The typed columns are what statistics, rosters, alerts and diffs
-- read; reasons (JSONB) explains a category other than INSURED with the evidence records.
CREATE TABLE comparison_result (
    run_id           BIGINT      NOT NULL,              -- no foreign key: millions of rows per run, written by the run itself
    id_number        CHAR(18)    NOT NULL,
    category         VARCHAR(20) NOT NULL,
    flags            TEXT[]      NOT NULL,
    unmet            TEXT[]      NOT NULL,            -- expectations not met by an active participation
    missing_schemes  TEXT[]      NOT NULL,              -- 缺少险种 of the roster (spec 7.1)
    exclusion        VARCHAR(20),                       -- why EXCLUDED
    held_schemes     INTEGER     NOT NULL,              -- bit per scheme: 110 1, 120 2, 170 4, 210 8, 310 16, 390 32, 410 64, 510 128
    active_schemes   INTEGER     NOT NULL,
    employed         BOOLEAN     NOT NULL,              -- holds an active 110/120 as a working contributor
    pension_expected BOOLEAN     NOT NULL,
    pension_met      BOOLEAN     NOT NULL,
    medical_met      BOOLEAN     NOT NULL,
    rostered         BOOLEAN     NOT NULL,
    county           CHAR(6),
    township         VARCHAR(9),
    prefecture       CHAR(6),
    age              SMALLINT,
    reasons          JSONB,
    PRIMARY KEY (run_id, id_number)
) WITH (fillfactor = 85);
CREATE INDEX comparison_result_roster ON comparison_result (run_id, county, township, id_number) WHERE rostered;

CREATE TABLE comparison_statistic (
    run_id            BIGINT      NOT NULL REFERENCES comparison_run (id) ON DELETE CASCADE,
    level             VARCHAR(10) NOT NULL,             -- PROVINCE | PREFECTURE | COUNTY
    region            CHAR(6)     NOT NULL,
    persons           BIGINT      NOT NULL,             -- population base (NOT_IN_POPULATION not counted)
    excluded          BIGINT      NOT NULL,
    uninsured         BIGINT      NOT NULL,
    lapsed            BIGINT      NOT NULL,
    partial           BIGINT      NOT NULL,
    insured           BIGINT      NOT NULL,
    not_in_population BIGINT      NOT NULL,
    pension_expected  BIGINT      NOT NULL,
    pension_met       BIGINT      NOT NULL,
    medical_expected  BIGINT      NOT NULL,
    medical_met       BIGINT      NOT NULL,
    rostered          BIGINT      NOT NULL,
    surveyed          BIGINT      NOT NULL,
    PRIMARY KEY (run_id, region)
);

-- Transactional outbox of alerts to the scheme systems (spec 7.2): written in the run's transaction, sent by the
-- alert-outbox route. One row per person, type and cause; the same cause is never written twice.
CREATE TABLE alert_outbox (
    id         BIGSERIAL   PRIMARY KEY,
    alert_id   UUID        NOT NULL UNIQUE,
    queue      VARCHAR(100) NOT NULL,
    type       VARCHAR(40) NOT NULL,
    id_number  CHAR(18)    NOT NULL,
    cause_key  CHAR(32)    NOT NULL,                    -- md5 of the cause's evidence
    payload    JSONB       NOT NULL,
    run_id     BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    sent_at    TIMESTAMPTZ,
    UNIQUE (id_number, type, cause_key)
);
CREATE INDEX alert_outbox_unsent ON alert_outbox (id) WHERE sent_at IS NULL;
