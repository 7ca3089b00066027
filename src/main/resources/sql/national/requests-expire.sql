-- Requests sent :sends times and unanswered since :answerDueBefore (now less canbao.national.answer-timeout) expire.
UPDATE national_compare_request SET status = 'EXPIRED', expired_at = :now
WHERE status = 'SENT' AND sends >= :sends AND last_sent_at <= :answerDueBefore;
