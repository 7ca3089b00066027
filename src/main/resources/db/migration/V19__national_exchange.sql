-- The national exchange (spec §5, §8; docs/national.md): the registry's change log, the outbox of messages to the
-- national system, the COMPARE_REQUESTs and what answered them, the national answer per person, parked messages and
-- the PERSON_INCREMENTs sent.

-- The registry's change log: one row per person merged again by a registry refresh, written in the refresh's
-- transaction after it took the registry_refresh row, so that sequence order is commit order. PERSON_INCREMENT reads
-- it above its watermark. A registry that existed before this migration is logged whole: the first increment
-- carries everyone.
CREATE TABLE registry_person_change (
    seq        BIGSERIAL   PRIMARY KEY,
    id_number  CHAR(18)    NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);
INSERT INTO registry_person_change (id_number, changed_at)
SELECT id_number, now() FROM registry_person ORDER BY id_number;

-- Transactional outbox to canbao.out.national, sent by the national-outbox route. duplicate_id is Artemis'
-- duplicate-detection id: the messageId, and for the n-th re-send of a request messageId/n, so that a row sent again
-- after a crash is dropped by the broker while a deliberate re-send is not.
CREATE TABLE national_outbox (
    id             BIGSERIAL   PRIMARY KEY,
    message_id     UUID        NOT NULL,
    duplicate_id   VARCHAR(80) NOT NULL UNIQUE,
    message_type   VARCHAR(20) NOT NULL,
    body           TEXT        NOT NULL,
    records        INTEGER     NOT NULL,            -- identity numbers of a request, records of an increment
    increment_id   BIGINT,
    created_at     TIMESTAMPTZ NOT NULL,
    sent_at        TIMESTAMPTZ
);
CREATE INDEX national_outbox_unsent ON national_outbox (id) WHERE sent_at IS NULL;
CREATE INDEX national_outbox_increment ON national_outbox (increment_id) WHERE increment_id IS NOT NULL;

-- One COMPARE_REQUEST (≤ canbao.national.request-size identity numbers): after a comparison run (origin RUN, chunk
-- n of the run's persons) or for survey marks (SURVEY). status SENT until a COMPARE_RESULT answers it (ANSWERED) or
-- it was sent canbao.national.sends times without an answer (EXPIRED). sends 0: written, not yet in the outbox.
CREATE TABLE national_compare_request (
    message_id        UUID        PRIMARY KEY,
    origin            VARCHAR(10) NOT NULL,
    run_id            BIGINT,
    chunk             INTEGER     NOT NULL,
    persons           INTEGER     NOT NULL,
    status            VARCHAR(10) NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    sends             SMALLINT    NOT NULL DEFAULT 0,
    last_sent_at      TIMESTAMPTZ,
    answered_at       TIMESTAMPTZ,
    result_message_id VARCHAR(64),
    expired_at        TIMESTAMPTZ
);
CREATE INDEX national_compare_request_run ON national_compare_request (run_id, chunk);
CREATE INDEX national_compare_request_unsent ON national_compare_request (created_at) WHERE sends = 0;
CREATE INDEX national_compare_request_waiting ON national_compare_request (last_sent_at) WHERE status = 'SENT';

-- The identity numbers each request asks about: a result for a number not asked is parked.
CREATE TABLE national_request_person (
    message_id UUID     NOT NULL,
    id_number  CHAR(18) NOT NULL,
    PRIMARY KEY (message_id, id_number)
);

-- The comparison runs whose persons were asked about (one row per run, claimed in the transaction of its requests).
CREATE TABLE national_run_request (
    run_id     BIGINT      PRIMARY KEY,
    written_at TIMESTAMPTZ NOT NULL,
    persons    BIGINT      NOT NULL DEFAULT 0,
    messages   INTEGER     NOT NULL DEFAULT 0
);

-- The latest national answer per person (its rows are national_insured_elsewhere, V3; an answer without rows says
-- the person is insured in no other province).
CREATE TABLE national_answer (
    id_number          CHAR(18)    PRIMARY KEY,
    result_message_id  VARCHAR(64) NOT NULL,
    request_message_id UUID        NOT NULL,
    answered_at        TIMESTAMPTZ NOT NULL
);

-- Every COMPARE_RESULT applied, by its messageId: the same result delivered again is applied once.
CREATE TABLE national_result_applied (
    message_id         VARCHAR(64) PRIMARY KEY,
    request_message_id UUID        NOT NULL,
    persons            INTEGER     NOT NULL,
    applied_at         TIMESTAMPTZ NOT NULL
);

-- A message from the national system the hub did not apply, with its reason: never dropped, never retried. A
-- message parked is acknowledged; the same JMS message delivered again is parked once.
CREATE TABLE national_parked_message (
    id             BIGSERIAL    PRIMARY KEY,
    jms_message_id VARCHAR(100) NOT NULL UNIQUE,
    parked_at      TIMESTAMPTZ  NOT NULL,
    reason         VARCHAR(30)  NOT NULL,
    detail         TEXT         NOT NULL,
    message_id     VARCHAR(64),
    message_type   VARCHAR(40),
    body           TEXT         NOT NULL
);
CREATE INDEX national_parked_message_reason ON national_parked_message (reason, parked_at);

-- PERSON_INCREMENTs: the change log's entries above from_seq up to to_seq, persons in messages of the outbox.
CREATE TABLE national_increment (
    id         BIGSERIAL   PRIMARY KEY,
    trigger    VARCHAR(10) NOT NULL,                -- CRON | API
    written_at TIMESTAMPTZ NOT NULL,
    from_seq   BIGINT      NOT NULL,
    to_seq     BIGINT      NOT NULL,
    persons    BIGINT      NOT NULL,
    messages   INTEGER     NOT NULL
);

-- The change log's watermark of the increments (one row, locked by the increment being written).
CREATE TABLE national_increment_position (
    id        SMALLINT PRIMARY KEY CHECK (id = 1),
    watermark BIGINT   NOT NULL
);
INSERT INTO national_increment_position (id, watermark) VALUES (1, 0);
