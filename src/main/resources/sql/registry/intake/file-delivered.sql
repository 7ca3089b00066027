-- The answer :fileId is delivered: the receipt written and the file moved.
UPDATE intake_file SET delivered_at = now() WHERE id = :fileId;
