-- Every COMPARE_REQUEST written and not yet in the outbox, as its body {"idNumbers": […]} (spec §5), in the order
-- written; the duplicate-detection id of a first send is the messageId. Then requests-outboxed.sql.
INSERT INTO national_outbox (message_id, duplicate_id, message_type, body, records, created_at)
SELECT q.message_id, CAST(q.message_id AS text), 'COMPARE_REQUEST',
       CAST(json_build_object('idNumbers', json_agg(p.id_number ORDER BY p.id_number)) AS text), count(*), :now
FROM national_compare_request q
JOIN national_request_person p ON p.message_id = q.message_id
WHERE q.sends = 0
GROUP BY q.message_id, q.created_at, q.chunk
ORDER BY q.created_at, q.chunk;
