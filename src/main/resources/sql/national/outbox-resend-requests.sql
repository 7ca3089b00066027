-- Requests unanswered since :answerDueBefore and sent fewer than :sends times go out again with the same messageId,
-- the duplicate-detection id messageId/n for the n-th send (a deliberate re-send must not be dropped by the broker).
-- Then requests-resent.sql, with the same parameters.
INSERT INTO national_outbox (message_id, duplicate_id, message_type, body, records, created_at)
SELECT q.message_id, CAST(q.message_id AS text) || '/' || (q.sends + 1), 'COMPARE_REQUEST',
       CAST(json_build_object('idNumbers', json_agg(p.id_number ORDER BY p.id_number)) AS text), count(*), :now
FROM national_compare_request q
JOIN national_request_person p ON p.message_id = q.message_id
WHERE q.status = 'SENT' AND q.sends >= 1 AND q.sends < :sends AND q.last_sent_at <= :answerDueBefore
GROUP BY q.message_id, q.sends, q.created_at, q.chunk
ORDER BY q.created_at, q.chunk;
