-- The named registry persons whose identity numbers lie between :low and :high: those of one address code and
-- birth date, the 14 characters both bounds begin with.
SELECT id_number, name FROM registry_person
WHERE id_number BETWEEN :low AND :high AND name IS NOT NULL;
