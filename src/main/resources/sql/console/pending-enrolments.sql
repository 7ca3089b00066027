-- The enrolments surveyors made on site for person :idNumber (ENROLLED_ON_SITE, one row per intended scheme) that no
-- scheme system has confirmed yet: confirmed is a participation of that scheme in a record stated after the survey
-- (any record of a scheme system but a DELETE).
SELECT r.result_id, r.surveyed_at, e.scheme
FROM survey_result r
CROSS JOIN LATERAL unnest(r.intended_schemes) AS e(scheme)
WHERE r.id_number = :idNumber AND r.outcome = 'ENROLLED_ON_SITE'
  AND NOT EXISTS (
      SELECT 1
      FROM source_statement s
      CROSS JOIN LATERAL json_to_recordset(s.payload -> 'participations') AS q(scheme text)
      WHERE s.source_record_id IN (SELECT x.id FROM source_records_of(:idNumber) x(id))
        AND s.operation <> 'DELETE' AND s.stated_at > r.surveyed_at AND q.scheme = e.scheme)
ORDER BY r.surveyed_at, r.result_id, e.scheme;
