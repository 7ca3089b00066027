-- A new full snapshot may end what its system said before about keys it no longer lists: every key of such a system
-- is derived again.
INSERT INTO registry_refresh_key (system, source_key)
SELECT st.system, st.source_key FROM registry_statement st
WHERE st.system IN (SELECT DISTINCT system FROM registry_refresh_row WHERE operation = 'SNAPSHOT')
ON CONFLICT DO NOTHING;
