-- The derived rows of the keys derived again, replaced by insert-ended.sql.
DELETE FROM registry_participation_ended t USING registry_refresh_key k
WHERE t.system = k.system AND t.source_key = k.source_key;
