-- The merged view of a person as the registry knew them before :cutoff, by the rules of the refresh's merge
-- (sql/registry/refresh/merge-persons.sql; RegistryRefreshTest holds the two together): :precedence as there.
SELECT st.id_number,
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
FROM statements_known_before(:idNumber, :cutoff) st
CROSS JOIN LATERAL (SELECT coalesce(array_position(string_to_array(:precedence, ','), st.system::text), 99)) r(rank)
GROUP BY st.id_number;
