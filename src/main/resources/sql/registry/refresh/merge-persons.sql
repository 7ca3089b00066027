-- Step 4: the merged view of each person merged again, from the current statements of every source
-- (docs/registry.md, "Precedence"): name, sex, ethnicity and birth date from the first source in :precedence (the
-- systems in order, separated by commas: SourcePrecedence) that states them, the most recent statement within a
-- source; household, residence, vital status and address from POLICE alone; with the coverage computed by
-- coverage.sql. PersonHistory merges what the registry knew at a past date by the same rules
-- (sql/registry/history/merged-person.sql; RegistryRefreshTest holds the two together).
-- A person's statements are put in that order once, by the window `merge`, whose aggregates see them in its order:
-- an ordered aggregate per field (array_agg(… ORDER BY …)) sorted each person's statements once per field, sixteen
-- small sorts a person and most of a first full refresh (docs/performance.md, "Registry refresh").
INSERT INTO registry_person (id_number, name, name_system, sex, sex_system, ethnicity, birth_date, birth_date_system,
    population_category, household_region, residence_region, vital_status, address, status_changed_on,
    police_record_id, systems, merged_at, held_schemes, drawing_schemes, drawing_twice, paid_110, paid_120, paid_170,
    paid_210, paid_310, paid_390, paid_410, paid_510, second_paid, employed_paid_110, employed_paid_120,
    ended_schemes)
SELECT m.*, coalesce(c.held_schemes, 0), coalesce(c.drawing_schemes, 0), coalesce(c.drawing_twice, 0), c.paid_110,
       c.paid_120, c.paid_170, c.paid_210, c.paid_310, c.paid_390, c.paid_410, c.paid_510, c.second_paid,
       c.employed_paid_110, c.employed_paid_120, coalesce(c.ended_schemes, 0)
FROM (-- every statement of a person carries the person's merged fields: one row of them a person
      SELECT w.id_number, min(w.name), min(w.name_system), min(w.sex), min(w.sex_system), min(w.ethnicity),
             min(w.birth_date), min(w.birth_date_system), min(w.population_category), min(w.household_region),
             min(w.residence_region), min(w.vital_status), min(w.address), min(w.status_changed_on),
             min(w.police_record_id), array_agg(DISTINCT w.system ORDER BY w.system), now()
      FROM (SELECT st.id_number, st.system,
                   (array_agg(st.name) FILTER (WHERE st.name IS NOT NULL) OVER merge)[1] AS name,
                   (array_agg(st.system) FILTER (WHERE st.name IS NOT NULL) OVER merge)[1] AS name_system,
                   (array_agg(st.sex) FILTER (WHERE st.sex IS NOT NULL) OVER merge)[1] AS sex,
                   (array_agg(st.system) FILTER (WHERE st.sex IS NOT NULL) OVER merge)[1] AS sex_system,
                   (array_agg(st.ethnicity) FILTER (WHERE st.ethnicity IS NOT NULL) OVER merge)[1] AS ethnicity,
                   (array_agg(st.birth_date) FILTER (WHERE st.birth_date IS NOT NULL) OVER merge)[1] AS birth_date,
                   (array_agg(st.system) FILTER (WHERE st.birth_date IS NOT NULL) OVER merge)[1]
                       AS birth_date_system,
                   -- POLICE has one rank: its statements are in the window's order by stated_at, latest first
                   (array_agg(st.population_category) FILTER (WHERE st.system = 'POLICE') OVER merge)[1]
                       AS population_category,
                   (array_agg(st.household_region) FILTER (WHERE st.system = 'POLICE') OVER merge)[1]
                       AS household_region,
                   (array_agg(st.residence_region) FILTER (WHERE st.system = 'POLICE') OVER merge)[1]
                       AS residence_region,
                   (array_agg(st.vital_status) FILTER (WHERE st.system = 'POLICE') OVER merge)[1] AS vital_status,
                   (array_agg(st.address) FILTER (WHERE st.system = 'POLICE') OVER merge)[1] AS address,
                   (array_agg(st.status_changed_on) FILTER (WHERE st.system = 'POLICE') OVER merge)[1]
                       AS status_changed_on,
                   (array_agg(st.source_record_id) FILTER (WHERE st.system = 'POLICE') OVER merge)[1]
                       AS police_record_id
            FROM registry_statement st JOIN registry_refresh_person rp ON rp.id_number = st.id_number
            CROSS JOIN LATERAL (SELECT coalesce(array_position(string_to_array(:precedence, ','), st.system::text),
                                                99)) r(rank)
            WINDOW merge AS (PARTITION BY st.id_number ORDER BY r.rank, st.stated_at DESC
                             ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) w
      GROUP BY w.id_number) m
LEFT JOIN registry_refresh_covered c ON c.id_number = m.id_number;
