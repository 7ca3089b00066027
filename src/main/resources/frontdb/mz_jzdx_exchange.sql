-- The civil-affairs front database's exchange table exactly as spec §4.10 defines it. Only the embedded
-- stand-in creates it; in production it belongs to the civil-affairs department.
CREATE TABLE IF NOT EXISTS mz_jzdx_exchange (
  seq         BIGINT PRIMARY KEY,
  id_number   VARCHAR(18)  NOT NULL,
  name        VARCHAR(50)  NOT NULL,
  category    VARCHAR(2)   NOT NULL,
  region      VARCHAR(9)   NOT NULL,
  valid_from  DATE         NOT NULL,
  valid_to    DATE,
  op          CHAR(1)      NOT NULL,
  op_time     TIMESTAMP    NOT NULL,
  sync_status CHAR(1)      NOT NULL DEFAULT '0',
  sync_msg    VARCHAR(500)
);
