-- A person's new national answer replaces the earlier one (spec §8): the rows of :idNumbers go first.
DELETE FROM national_insured_elsewhere WHERE id_number IN (:idNumbers);
