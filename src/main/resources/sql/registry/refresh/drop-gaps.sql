-- Gaps noted before :horizon: no transaction that could own their ids is still open, so whatever was in them has
-- been read or rolled back.
DELETE FROM registry_refresh_gap WHERE noted_at < :horizon;
