-- Why the current attempt at :delivery failed for a reason inside the hub; it stays counted.
UPDATE delivery_attempt SET last_error = :error WHERE delivery = :delivery;
