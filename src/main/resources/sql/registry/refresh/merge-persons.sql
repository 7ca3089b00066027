-- Step 4: the merged view of each person merged again, from the current statements of every source
-- (docs/registry.md, "Precedence"): name, sex, ethnicity and birth date from the first source in :precedence (the
-- systems in order, separated by commas: SourcePrecedence) that states them, the most recent statement within a
-- source; household, residence, vital status and address from POLICE alone; with the coverage computed by
-- coverage.sql. PersonHistory merges what the registry knew at a past date by the same rules
-- (sql/registry/history/merged-person.sql; RegistryRefreshTest holds the two together).
INSERT INTO registry_person (id_number, name, name_system, sex, sex_system, ethnicity, birth_date, birth_date_system,
    population_category, household_region, residence_region, vital_status, address, status_changed_on,
    police_record_id, systems, merged_at, held_schemes, drawing_schemes, drawing_twice, paid_110, paid_120, paid_170,
    paid_210, paid_310, paid_390, paid_410, paid_510, second_paid, employed_paid_110, employed_paid_120,
    ended_schemes)
SELECT m.*, coalesce(c.held_schemes, 0), coalesce(c.drawing_schemes, 0), coalesce(c.drawing_twice, 0), c.paid_110,
       c.paid_120, c.paid_170, c.paid_210, c.paid_310, c.paid_390, c.paid_410, c.paid_510, c.second_paid,
       c.employed_paid_110, c.employed_paid_120, coalesce(c.ended_schemes, 0)
FROM (SELECT st.id_number,
             (array_agg(st.name ORDER BY r.rank, st.stated_at DESC) FILTER (WHERE st.name IS NOT NULL))[1],
             (array_agg(st.system ORDER BY r.rank, st.stated_at DESC) FILTER (WHERE st.name IS NOT NULL))[1],
             (array_agg(st.sex ORDER BY r.rank, st.stated_at DESC) FILTER (WHERE st.sex IS NOT NULL))[1],
             (array_agg(st.system ORDER BY r.rank, st.stated_at DESC) FILTER (WHERE st.sex IS NOT NULL))[1],
             (array_agg(st.ethnicity ORDER BY r.rank, st.stated_at DESC) FILTER (WHERE st.ethnicity IS NOT NULL))[1],
             (array_agg(st.birth_date ORDER BY r.rank, st.stated_at DESC) FILTER (WHERE st.birth_date IS NOT NULL))[1],
             (array_agg(st.system ORDER BY r.rank, st.stated_at DESC) FILTER (WHERE st.birth_date IS NOT NULL))[1],
             (array_agg(st.population_category ORDER BY st.stated_at DESC) FILTER (WHERE st.system = 'POLICE'))[1],
             (array_agg(st.household_region ORDER BY st.stated_at DESC) FILTER (WHERE st.system = 'POLICE'))[1],
             (array_agg(st.residence_region ORDER BY st.stated_at DESC) FILTER (WHERE st.system = 'POLICE'))[1],
             (array_agg(st.vital_status ORDER BY st.stated_at DESC) FILTER (WHERE st.system = 'POLICE'))[1],
             (array_agg(st.address ORDER BY st.stated_at DESC) FILTER (WHERE st.system = 'POLICE'))[1],
             (array_agg(st.status_changed_on ORDER BY st.stated_at DESC) FILTER (WHERE st.system = 'POLICE'))[1],
             (array_agg(st.source_record_id ORDER BY st.stated_at DESC) FILTER (WHERE st.system = 'POLICE'))[1],
             array_agg(DISTINCT st.system ORDER BY st.system),
             now()
      FROM registry_statement st JOIN registry_refresh_person rp ON rp.id_number = st.id_number
      CROSS JOIN LATERAL (SELECT coalesce(array_position(string_to_array(:precedence, ','), st.system::text), 99))
          r(rank)
      GROUP BY st.id_number) m
LEFT JOIN registry_refresh_covered c ON c.id_number = m.id_number;
