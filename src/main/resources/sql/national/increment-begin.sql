-- A PERSON_INCREMENT of the changes above :fromSeq up to :toSeq, triggered by :trigger (CRON | API) at :now.
INSERT INTO national_increment (trigger, written_at, from_seq, to_seq, persons, messages)
VALUES (:trigger, :now, :fromSeq, :toSeq, 0, 0)
RETURNING id;
