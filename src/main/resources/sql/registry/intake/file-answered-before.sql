-- What the hub answered before to content :sha256 arriving as file :fileName of system :system: the answer to this
-- very file that it could not deliver (a crash came between its commit and its move), whatever its status, or else
-- the content's ingestion under any name. Content that was only rejected may be sent again and is taken in anew.
SELECT id, file_name, status, disposition, receipt::text, delivered_at FROM intake_file
WHERE sha256 = :sha256 AND (status IN ('ACCEPTED', 'PARTIAL')
                            OR system = :system AND file_name = :fileName AND delivered_at IS NULL)
ORDER BY (delivered_at IS NULL AND file_name = :fileName) DESC, id DESC LIMIT 1;
