-- One insured-elsewhere row of person :idNumber as COMPARE_RESULT :resultMessageId states it (received at :now); a
-- province and scheme stated twice in one answer keep the later status.
INSERT INTO national_insured_elsewhere (id_number, province, scheme, status, message_id, received_at)
VALUES (:idNumber, :province, :scheme, :status, :resultMessageId, :now)
ON CONFLICT (id_number, province, scheme) DO UPDATE SET status = EXCLUDED.status;
