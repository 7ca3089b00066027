-- A data file's answer once every record is stored: status, counts, receipt, and the folder the file goes to (a
-- delivery taken again after a crash moves it there too).
UPDATE intake_file SET status = :status, disposition = :disposition, records = :records, accepted = :accepted,
    rejected = :rejected, receipt = CAST(:receipt AS jsonb)
WHERE id = :fileId;
