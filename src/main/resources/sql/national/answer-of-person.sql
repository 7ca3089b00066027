-- Person :idNumber's latest national answer and its rows (none: insured in no other province).
SELECT a.result_message_id, CAST(a.request_message_id AS text) AS request_message_id, a.answered_at,
       CAST(coalesce((SELECT json_agg(json_build_object('province', e.province, 'scheme', e.scheme,
                                                        'status', e.status) ORDER BY e.province, e.scheme)
                      FROM national_insured_elsewhere e WHERE e.id_number = a.id_number), '[]') AS text)
           AS insured_elsewhere
FROM national_answer a
WHERE a.id_number = :idNumber;
