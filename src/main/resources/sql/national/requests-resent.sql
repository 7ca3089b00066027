-- The requests outbox-resend-requests.sql just put in the outbox again (same :sends, :answerDueBefore) at :now.
UPDATE national_compare_request SET sends = sends + 1, last_sent_at = :now
WHERE status = 'SENT' AND sends >= 1 AND sends < :sends AND last_sent_at <= :answerDueBefore;
