-- The deliveries the hub is working on (a data file, a front-database row), counted when each attempt begins and
-- kept across restarts: a delivery that fails every time for a reason inside the hub, or takes the hub down with
-- it, is answered with HUB_FAULT after canbao.intake.attempts attempts instead of being tried for ever. An attempt
-- that failed because the database or the exchange server did not answer is taken back. A row lives only while its
-- delivery is unanswered (docs/reliability.md, "Poison input").
CREATE TABLE delivery_attempt (
    delivery   TEXT PRIMARY KEY,
    system     TEXT NOT NULL,
    attempts   INTEGER NOT NULL,
    last_error TEXT,
    first_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
