-- The derived rows of the keys derived again, replaced by insert-current.sql.
DELETE FROM registry_statement t USING registry_refresh_key k WHERE t.system = k.system AND t.source_key = k.source_key;
