-- Increment :incrementId carried :persons persons in :messages messages; the watermark moves to its :toSeq.
WITH counted AS (
    UPDATE national_increment SET persons = :persons, messages = :messages WHERE id = :incrementId)
UPDATE national_increment_position SET watermark = :toSeq WHERE id = 1;
