-- A data file's intake row, written first in the file's transaction so that its records can name it; its status,
-- counts and receipt follow when the file is complete (file-commit.sql).
INSERT INTO intake_file (system, file_name, sha256, kind, status, disposition, received_at, records, accepted,
    rejected, receipt)
VALUES (:system, :fileName, :sha256, :kind, 'PARTIAL', '.done', :receivedAt, 0, 0, 0, '{}')
RETURNING id;
