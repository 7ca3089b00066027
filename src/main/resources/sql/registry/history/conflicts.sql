-- The identity fields on which a person's sources disagree now, as the last refresh found them.
SELECT field, CAST(statements AS text) FROM registry_conflict WHERE id_number = :idNumber ORDER BY field;
