-- The messages :ids the broker took in one committed transaction are sent, at :now: one statement for the batch.
UPDATE national_outbox SET sent_at = :now WHERE id IN (:ids);
