-- A run begins: as-of date, trigger, the rules it applies (JSON) and their version; answers its id.
INSERT INTO comparison_run (as_of, trigger, rules_version, rules, status, started_at)
VALUES (:asOf, :trigger, :rulesVersion, CAST(:rules AS jsonb), 'RUNNING', now())
RETURNING id;
