-- A file that was not ingested (:status REJECTED whole, or DUPLICATE) logged with its receipt: none of its :records
-- records is accepted, :rejected of them are rejected.
INSERT INTO intake_file (system, file_name, sha256, kind, status, disposition, received_at, records, accepted,
    rejected, receipt)
VALUES (:system, :fileName, :sha256, :kind, :status, :disposition, :receivedAt, :records, 0, :rejected,
        CAST(:receipt AS jsonb))
RETURNING id;
