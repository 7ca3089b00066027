-- Intake: every file, event and front-database row that reaches the hub, what became of each record,
-- and the keys that make a second delivery a no-op.

CREATE TABLE intake_file (
    id           BIGSERIAL PRIMARY KEY,
    system       VARCHAR(20)  NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    kind         VARCHAR(10)  NOT NULL,              -- FULL | INCREMENT
    status       VARCHAR(10)  NOT NULL,              -- ACCEPTED | PARTIAL | REJECTED | DUPLICATE
    disposition  VARCHAR(10)  NOT NULL,              -- .done | .error: where the file goes on the exchange server
    received_at  TIMESTAMPTZ  NOT NULL,
    delivered_at TIMESTAMPTZ,                        -- receipt written and file moved: a later copy is a DUPLICATE
    records      BIGINT       NOT NULL,
    accepted     BIGINT       NOT NULL,
    rejected     BIGINT       NOT NULL,
    receipt      JSONB        NOT NULL
);

-- A file's content is ingested once; a rejected file may come again (corrected done file) and a
-- duplicate delivery is only logged.
CREATE UNIQUE INDEX intake_file_ingested_once ON intake_file (sha256) WHERE status IN ('ACCEPTED', 'PARTIAL');

-- One row per record a source stated, append-only: the registry's history. The latest row per
-- (system, source_key) is what that source currently says; a DELETE row ends it (soft delete).
CREATE TABLE source_record (
    id            BIGSERIAL PRIMARY KEY,
    system        VARCHAR(20)  NOT NULL,
    id_number     CHAR(18),                          -- null only for records kept without one (unmatched students)
    source_key    VARCHAR(200) NOT NULL,
    operation     VARCHAR(10)  NOT NULL,
    intake_key    VARCHAR(120) NOT NULL UNIQUE,      -- file sha256:record | event:eventId | frontdb:seq
    intake_file_id BIGINT REFERENCES intake_file (id),
    record_no     BIGINT,
    received_at   TIMESTAMPTZ  NOT NULL,
    payload       JSONB        NOT NULL              -- the canonical person-insurance message
) WITH (fillfactor = 100);

CREATE INDEX source_record_person ON source_record (id_number, system);
CREATE INDEX source_record_key ON source_record (system, source_key, id);
CREATE INDEX source_record_file ON source_record (intake_file_id, id_number) WHERE intake_file_id IS NOT NULL;

-- Every rejected record with its raw text and reasons: nothing that arrives is lost.
CREATE TABLE quarantine (
    id            BIGSERIAL PRIMARY KEY,
    system        VARCHAR(20)  NOT NULL,
    intake_key    VARCHAR(120) NOT NULL UNIQUE,
    source_ref    VARCHAR(300) NOT NULL,             -- file name + record number, event id or front-db seq
    intake_file_id BIGINT REFERENCES intake_file (id),
    record_no     BIGINT,
    raw           TEXT         NOT NULL,
    errors        JSONB        NOT NULL,
    received_at   TIMESTAMPTZ  NOT NULL
);

CREATE INDEX quarantine_system ON quarantine (system, received_at);

-- Every event taken from a scheme system's queue, with the receipt it was answered with: an eventId takes
-- effect once, and a redelivery after a crash gets the receipt the first delivery should have sent.
CREATE TABLE intake_event (
    event_id     VARCHAR(64)  PRIMARY KEY,
    system       VARCHAR(20)  NOT NULL,
    status       VARCHAR(10)  NOT NULL,              -- ACCEPTED | REJECTED
    received_at  TIMESTAMPTZ  NOT NULL,
    receipt      JSONB        NOT NULL
);

-- Results the survey teams post (spec §6), each taken once by its resultId.
CREATE TABLE survey_result (
    result_id         VARCHAR(64)  PRIMARY KEY,
    id_number         CHAR(18)     NOT NULL,
    surveyor_id       VARCHAR(64)  NOT NULL,
    surveyed_at       TIMESTAMPTZ  NOT NULL,
    outcome           VARCHAR(30)  NOT NULL,
    reason            VARCHAR(30),
    intended_schemes  VARCHAR(3)[] NOT NULL DEFAULT '{}',
    phone             VARCHAR(30),
    received_at       TIMESTAMPTZ  NOT NULL,
    posted_by         VARCHAR(64)  NOT NULL
);

CREATE INDEX survey_result_person ON survey_result (id_number, surveyed_at);
