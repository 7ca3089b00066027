-- The requests outbox-new-requests.sql just put in the outbox are sent once, at :now.
UPDATE national_compare_request SET sends = 1, last_sent_at = :now WHERE sends = 0;
