-- The answer :status logged last to file :fileName (content :sha256) of system :system and never delivered: the hub
-- stopped before it could move the file, and answers it again as it was decided.
SELECT id, receipt::text FROM intake_file
WHERE system = :system AND file_name = :fileName AND sha256 = :sha256 AND status = :status
  AND delivered_at IS NULL
ORDER BY id DESC LIMIT 1;
