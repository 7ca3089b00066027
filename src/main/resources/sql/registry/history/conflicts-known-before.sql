-- The identity fields on which a person's sources disagreed as known before :cutoff, by the rules of the refresh
-- (sql/registry/refresh/merge-conflicts.sql): per field the statements in :precedence order.
SELECT v.field,
       CAST(jsonb_agg(jsonb_build_object('system', v.system, 'value', v.value, 'sourceRecordId', v.source_record_id)
                      ORDER BY v.rank, v.system) AS text)
FROM (SELECT st.id_number, st.system, st.source_record_id, r.rank, f.field, f.value
      FROM statements_known_before(:idNumber, :cutoff) st
      CROSS JOIN LATERAL (SELECT coalesce(array_position(string_to_array(:precedence, ','), st.system::text), 99))
          r(rank)
      CROSS JOIN LATERAL (VALUES ('name', st.name),
                                 ('sex', CASE WHEN st.sex IN ('1', '2') THEN st.sex END),
                                 ('ethnicity', st.ethnicity),
                                 ('birthDate', st.birth_date::text)) f(field, value)
      WHERE f.value IS NOT NULL) v
GROUP BY v.id_number, v.field
HAVING count(DISTINCT v.value) > 1
ORDER BY v.field;
