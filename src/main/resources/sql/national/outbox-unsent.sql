-- The oldest :batch messages of the national outbox not sent yet, in the order written (read through a cursor: an
-- increment's message holds up to canbao.national.increment-batch records).
SELECT o.id, o.message_id, o.duplicate_id, o.message_type, o.body
FROM national_outbox o
WHERE o.sent_at IS NULL
ORDER BY o.id
LIMIT :batch;
