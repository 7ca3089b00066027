-- The persons to merge again: those of the records read and those of the keys derived again.
INSERT INTO registry_refresh_person (id_number)
SELECT id_number FROM registry_refresh_row WHERE id_number IS NOT NULL
UNION
SELECT st.id_number FROM registry_statement st
JOIN registry_refresh_key k ON k.system = st.system AND k.source_key = st.source_key;
