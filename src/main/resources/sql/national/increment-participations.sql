-- The current participations of the persons :idNumbers, by person and scheme.
SELECT q.id_number, q.scheme, q.insured_region, q.employer_id, q.contribution_status, q.person_status,
       q.start_date, q.end_date, q.last_paid_month
FROM registry_participation q
WHERE q.id_number IN (:idNumbers)
ORDER BY q.id_number, q.scheme, q.system, q.source_key, q.ordinal;
