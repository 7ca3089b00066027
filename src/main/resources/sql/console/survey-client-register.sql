-- Registers survey client :clientId for :regions (a text[] of county and township codes) with the hash of its
-- generated secret; a client id taken before inserts nothing (0 rows), disabled or not.
INSERT INTO survey_client (client_id, secret_hash, regions, created_at, created_by)
VALUES (:clientId, :secretHash, :regions, :createdAt, :createdBy)
ON CONFLICT (client_id) DO NOTHING;
