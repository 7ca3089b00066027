-- The latest :limit PERSON_INCREMENTs: the change-log range, persons and messages, the messages' ids and how many of
-- them the broker took.
SELECT i.id, i.trigger, i.written_at, i.from_seq, i.to_seq, i.persons, i.messages,
       (SELECT count(*) FROM national_outbox o WHERE o.increment_id = i.id AND o.sent_at IS NOT NULL) AS sent,
       (SELECT coalesce(string_agg(CAST(o.message_id AS text), ',' ORDER BY o.id), '')
        FROM national_outbox o WHERE o.increment_id = i.id) AS message_ids
FROM national_increment i
ORDER BY i.id DESC
LIMIT :limit;
