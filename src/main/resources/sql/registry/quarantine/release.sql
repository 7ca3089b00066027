-- Removes the entry of intake key :intakeKey: an event answered HUB_FAULT and sent again is answered anew, and its
-- new answer alone stands.
DELETE FROM quarantine WHERE intake_key = :intakeKey;
