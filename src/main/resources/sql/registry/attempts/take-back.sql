-- The current attempt at :delivery taken back: it failed for want of the database or the exchange server.
UPDATE delivery_attempt SET attempts = attempts - 1 WHERE delivery = :delivery;
