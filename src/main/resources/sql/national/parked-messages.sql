-- The parked messages, newest first, at most :limit; bodies cut at 4,000 characters.
SELECT m.id, m.parked_at, m.reason, m.detail, m.message_id, m.message_type, left(m.body, 4000) AS body
FROM national_parked_message m
ORDER BY m.id DESC
LIMIT :limit;
