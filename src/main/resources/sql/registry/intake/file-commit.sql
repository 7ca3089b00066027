-- A data file's answer once every record is stored: status, counts and receipt.
UPDATE intake_file SET status = :status, records = :records, accepted = :accepted, rejected = :rejected,
    receipt = CAST(:receipt AS jsonb)
WHERE id = :fileId;
