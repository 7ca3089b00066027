-- The answer to file :fileName of system :system whose files were not all moved yet: its intake log id and the
-- folder its files go to.
SELECT id, disposition FROM intake_file
WHERE system = :system AND file_name = :fileName AND delivered_at IS NULL
ORDER BY id DESC LIMIT 1;
