-- The change log's watermark of the increments sent, taken for the increment being written.
SELECT p.watermark FROM national_increment_position p WHERE p.id = 1 FOR UPDATE;
