-- The identity fields on which the current statements of a person merged again disagree: per field the statements
-- [{system, value, sourceRecordId}] in :precedence order. Sex 0 (unknown) and 9 (not stated) disagree with nobody.
-- PersonHistory finds the conflicts of a past date by the same rules (sql/registry/history/conflicts.sql).
-- The persons whose sources disagree on any of the fields are found first with plain aggregates (a field has more
-- than one value when its least differs from its greatest), so that only their statements are listed: an ordered
-- aggregate sorts every group it sees, and almost every person's sources agree.
INSERT INTO registry_conflict (id_number, field, statements, noted_at)
WITH disagreeing AS (
    SELECT st.id_number
    FROM registry_statement st JOIN registry_refresh_person rp ON rp.id_number = st.id_number
    CROSS JOIN LATERAL (SELECT CASE WHEN st.sex IN ('1', '2') THEN st.sex END) s(sex)
    GROUP BY st.id_number
    HAVING min(st.name) <> max(st.name) OR min(s.sex) <> max(s.sex) OR min(st.ethnicity) <> max(st.ethnicity)
        OR min(st.birth_date) <> max(st.birth_date))
SELECT v.id_number, v.field,
       jsonb_agg(jsonb_build_object('system', v.system, 'value', v.value, 'sourceRecordId', v.source_record_id)
                 ORDER BY v.rank, v.system),
       now()
FROM (SELECT st.id_number, st.system, st.source_record_id, r.rank, f.field, f.value
      FROM registry_statement st JOIN disagreeing d ON d.id_number = st.id_number
      CROSS JOIN LATERAL (SELECT coalesce(array_position(string_to_array(:precedence, ','), st.system::text), 99))
          r(rank)
      CROSS JOIN LATERAL (VALUES ('name', st.name),
                                 ('sex', CASE WHEN st.sex IN ('1', '2') THEN st.sex END),
                                 ('ethnicity', st.ethnicity),
                                 ('birthDate', st.birth_date::text)) f(field, value)
      WHERE f.value IS NOT NULL) v
GROUP BY v.id_number, v.field
HAVING count(DISTINCT v.value) > 1;
