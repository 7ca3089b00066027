-- The system and text of the event of intake key :intakeKey (event:<eventId>) as it was quarantined when it was
-- answered HUB_FAULT.
SELECT system, raw FROM quarantine
WHERE intake_key = :intakeKey AND errors @> '[{"code": "HUB_FAULT"}]';
